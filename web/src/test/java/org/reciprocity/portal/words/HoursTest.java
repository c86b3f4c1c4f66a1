package org.reciprocity.portal.words;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HoursTest {

    @Test
    void hoursAndMinutesAreWrittenOutNeverAsDecimals() {
        assertThat(Hours.of(90)).isEqualTo("1 h 30 min");
        assertThat(Hours.of(210)).isEqualTo("3 h 30 min");
        assertThat(Hours.of(120)).isEqualTo("2 h");
        assertThat(Hours.of(45)).isEqualTo("45 min");
        assertThat(Hours.of(0)).isEqualTo("0 min");
        assertThat(Hours.of(1)).isEqualTo("1 min");
    }

    @Test
    void aBalanceBelowZeroKeepsItsSignOnce() {
        assertThat(Hours.of(-90)).isEqualTo("-1 h 30 min");
        assertThat(Hours.of(-30)).isEqualTo("-30 min");
    }

    @Test
    void whatAMemberTypesIsReadAsWholeHoursAndMinutes() {
        assertThat(Hours.parse("1", "30")).isEqualTo(90);
        assertThat(Hours.parse("", "45")).isEqualTo(45);
        assertThat(Hours.parse(" 2 ", "")).isEqualTo(120);
    }

    @Test
    void decimalsNegativesAndSixtyMinutesAreRefused() {
        assertThat(Hours.parse("1.5", "0")).isNull();
        assertThat(Hours.parse("-1", "0")).isNull();
        assertThat(Hours.parse("1", "60")).isNull();
        assertThat(Hours.parse("one", "")).isNull();
    }
}
