package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = Backoff.DEFAULT;

    @Test
    void theWaitDoublesFromOneSecondUpToThirtySeconds() {
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delay(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aProcessHealthyForAMinuteCountsAsFreshWhenItStops() {
        assertThat(backoff.ranLongEnough(Duration.ofSeconds(59))).isFalse();
        assertThat(backoff.ranLongEnough(Duration.ofSeconds(60))).isTrue();
    }
}
