package org.reciprocity.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LockOutTest {

    private final LockOut lockOut = new LockOut(Duration.ofSeconds(1));
    private final Instant t = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theFirstFourFailuresCostNoWait() {
        for (int failures = 0; failures < 5; failures++) {
            assertThat(lockOut.waitAfter(failures)).isZero();
        }
    }

    @Test
    void fromTheFifthFailureEachTryWaitsTwiceAsLongUpToAMinute() {
        assertThat(lockOut.waitAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(lockOut.waitAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(lockOut.waitAfter(9)).isEqualTo(Duration.ofSeconds(16));
        assertThat(lockOut.waitAfter(12)).isEqualTo(Duration.ofMinutes(1));
        assertThat(lockOut.waitAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theRemainingWaitCountsFromTheLastFailure() {
        assertThat(lockOut.remainingWait(6, t, t.plusMillis(500))).isEqualTo(Duration.ofMillis(1500));
        assertThat(lockOut.remainingWait(6, t, t.plusSeconds(2))).isZero();
        assertThat(lockOut.remainingWait(6, t, t.plusSeconds(30))).isZero();
        assertThat(lockOut.remainingWait(6, null, t)).isZero();
    }

    @Test
    void theTenthFailureLocksForFifteenMinutes() {
        assertThat(lockOut.locksAt(9)).isFalse();
        assertThat(lockOut.locksAt(10)).isTrue();
        assertThat(LockOut.LOCK_FOR).isEqualTo(Duration.ofMinutes(15));
    }
}
