package org.reciprocity.notification.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class CalendarTest {

    static final ZoneId MONTREAL = ZoneId.of("America/Montreal");
    static final LocalTime NINE = LocalTime.of(9, 0);

    @Test
    void lastMonthsStatementIsDueFromTheFirstOfTheMonthAtItsTimeInTheTimebanksZone() {
        // 1 December 08:59 in Montreal is 13:59 UTC
        assertThat(Calendar.statementDue(Instant.parse("2026-12-01T13:59:00Z"), MONTREAL, NINE)).isEmpty();
        assertThat(Calendar.statementDue(Instant.parse("2026-12-01T14:00:00Z"), MONTREAL, NINE))
                .contains(YearMonth.parse("2026-11"));
    }

    @Test
    void itIsStillDueLaterInTheMonthForAnInstanceThatWasDown() {
        assertThat(Calendar.statementDue(Instant.parse("2026-12-17T03:00:00Z"), MONTREAL, NINE))
                .contains(YearMonth.parse("2026-11"));
    }

    @Test
    void theTimebanksZoneDecidesWhichMonthItIs() {
        // 1 December 02:00 UTC is still 30 November in Montreal: November's statement is not due yet
        assertThat(Calendar.statementDue(Instant.parse("2026-12-01T02:00:00Z"), MONTREAL, NINE))
                .contains(YearMonth.parse("2026-10"));
        assertThat(Calendar.statementTime(YearMonth.parse("2026-11"), MONTREAL, NINE))
                .isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));
    }

    @Test
    void todaysQueueDigestIsDueFromItsTimeUntilMidnight() {
        LocalTime eight = LocalTime.of(8, 0);
        assertThat(Calendar.queueDigestDue(Instant.parse("2026-11-26T12:59:00Z"), MONTREAL, eight)).isEmpty();
        assertThat(Calendar.queueDigestDue(Instant.parse("2026-11-26T13:00:00Z"), MONTREAL, eight))
                .contains(LocalDate.parse("2026-11-26"));
        assertThat(Calendar.queueDigestDue(Instant.parse("2026-11-27T04:59:00Z"), MONTREAL, eight))
                .contains(LocalDate.parse("2026-11-26"));
    }
}
