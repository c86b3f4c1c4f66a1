package org.reciprocity.portal.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void aDayIsWrittenDayFirstAsPeopleHereWriteIt() {
        assertThat(Dates.day(LocalDate.of(2026, 12, 1), Locale.ENGLISH)).isEqualTo("1 December 2026");
        assertThat(Dates.day(LocalDate.of(2026, 12, 2), Locale.FRENCH)).isEqualTo("2 décembre 2026");
    }

    @Test
    void theFirstOfTheMonthIsAnOrdinalInFrench() {
        assertThat(Dates.day(LocalDate.of(2026, 12, 1), Locale.FRENCH)).isEqualTo("1er décembre 2026");
    }
}
