package org.reciprocity.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rule read models keep whole-state events by: the newest version wins, whatever the order. */
class NewerVersionTest {

    @Test
    void anythingIsNewerThanNothingStored() {
        assertThat(NewerVersion.wins(null, 0)).isTrue();
        assertThat(NewerVersion.wins(null, 7)).isTrue();
    }

    @Test
    void aLaterVersionReplacesAnEarlierOne() {
        assertThat(NewerVersion.wins(0L, 1)).isTrue();
        assertThat(NewerVersion.wins(3L, 4)).isTrue();
    }

    @Test
    void theSameVersionAgainChangesNothing() {
        assertThat(NewerVersion.wins(2L, 2)).as("a redelivered event").isFalse();
        assertThat(NewerVersion.wins(0L, 0)).as("a registration heard twice").isFalse();
    }

    @Test
    void anOlderVersionArrivingLateChangesNothing() {
        assertThat(NewerVersion.wins(2L, 1)).isFalse();
        assertThat(NewerVersion.wins(1L, 0)).as("a registration after a change").isFalse();
    }
}
