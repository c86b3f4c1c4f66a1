package org.reciprocity.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final ZoneId MONTREAL = ZoneId.of("America/Montreal");
    final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    @Test
    void quietHoursAcrossMidnightHoldLateEveningAndEarlyMorning() {
        assertThat(night.contains(Instant.parse("2026-11-26T04:00:00Z"), MONTREAL)).isTrue();  // 23:00 local
        assertThat(night.contains(Instant.parse("2026-11-26T11:30:00Z"), MONTREAL)).isTrue();  // 06:30 local
        assertThat(night.contains(Instant.parse("2026-11-26T12:00:00Z"), MONTREAL)).isFalse(); // 07:00 local
        assertThat(night.contains(Instant.parse("2026-11-26T02:59:00Z"), MONTREAL)).isFalse(); // 21:59 local
    }

    @Test
    void theyAreReadInTheTimebanksZoneNotInUtc() {
        Instant ninePmInMontrealTwoAmInLondon = Instant.parse("2026-11-27T02:00:00Z");

        assertThat(night.contains(ninePmInMontrealTwoAmInLondon, MONTREAL)).isFalse();
        assertThat(night.contains(ninePmInMontrealTwoAmInLondon, ZoneId.of("Europe/London"))).isTrue();
    }

    @Test
    void aMessageHeldAtNightGoesOutWhenTheyEndNextMorning() {
        assertThat(night.endAfter(Instant.parse("2026-11-26T04:00:00Z"), MONTREAL))
                .isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(night.endAfter(Instant.parse("2026-11-26T11:00:00Z"), MONTREAL))
                .isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
    }

    @Test
    void daytimeQuietHoursWork() {
        QuietHours afternoon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));

        assertThat(afternoon.contains(Instant.parse("2026-11-26T13:30:00Z"), ZoneId.of("UTC"))).isTrue();
        assertThat(afternoon.contains(Instant.parse("2026-11-26T15:00:00Z"), ZoneId.of("UTC"))).isFalse();
    }

    @Test
    void refusesQuietHoursThatStartWhenTheyEnd() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
    }
}
