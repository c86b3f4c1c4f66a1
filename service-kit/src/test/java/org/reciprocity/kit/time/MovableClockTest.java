package org.reciprocity.kit.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class MovableClockTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private final MovableClock clock = new MovableClock(Clock.fixed(START, ZoneOffset.UTC));

    @Test
    void itTellsTheSystemTimeUntilMoved() {
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.offset()).isZero();
    }

    @Test
    void aTestMovesItForwardByADayOrToAMoment() {
        assertThat(clock.advanceBy(Duration.ofDays(1))).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(clock.moveTo(Instant.parse("2027-01-01T09:00:00Z"))).isEqualTo(Instant.parse("2027-01-01T09:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-01-01T09:00:00Z"));
    }

    @Test
    void itNeverGoesBack() {
        clock.advanceBy(Duration.ofDays(2));

        assertThatThrownBy(() -> clock.advanceBy(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.moveTo(START.plus(Duration.ofDays(1)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(2)));
    }

    @Test
    void theSameTimeSeenInAnotherZoneMovesWithIt() {
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.advanceBy(Duration.ofHours(5));

        assertThat(paris.instant()).isEqualTo(START.plus(Duration.ofHours(5)));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }
}
