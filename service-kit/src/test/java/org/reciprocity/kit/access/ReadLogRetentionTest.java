package org.reciprocity.kit.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Retention of looks: what the nightly delete removes is exactly what the member's list no longer
 * reads — never a month the list still shows, and every month before it.
 */
class ReadLogRetentionTest {

    @Property
    void the_first_month_gone_is_the_month_just_before_the_oldest_the_list_reads(
            @ForAll @LongRange(min = 946_684_800L, max = 253_402_300_799L) long seconds) {
        Instant now = Instant.ofEpochSecond(seconds);
        List<String> read = ReadLog.documentIds("tb", "m", now);
        YearMonth oldestRead = YearMonth.parse(read.get(read.size() - 1).substring("tb/m/".length()));

        YearMonth gone = ReadLog.firstMonthGone(now);

        assertThat(gone.plusMonths(1)).isEqualTo(oldestRead);
        assertThat(read).doesNotContain("tb/m/" + gone);
        // months compare as text in the store: that order must be the calendar's
        assertThat(gone.toString().compareTo(oldestRead.toString())).isNegative();
        assertThat(gone.minusMonths(1).toString().compareTo(gone.toString())).isNegative();
    }
}
