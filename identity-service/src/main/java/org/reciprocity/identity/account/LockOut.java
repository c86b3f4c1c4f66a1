package org.reciprocity.identity.account;

import java.time.Duration;
import java.time.Instant;

/**
 * The lock-out arithmetic, plain. After {@value #SLOW_DOWN_AFTER} failures in a row each further try
 * must wait (the step, doubled at each failure, at most a minute); at {@value #LOCK_AT} the account
 * is locked for {@link #LOCK_FOR}. Slowing down costs a guesser far more than a person who mistyped.
 */
public record LockOut(Duration step) {

    public static final int SLOW_DOWN_AFTER = 5;
    public static final int LOCK_AT = 10;
    public static final Duration LOCK_FOR = Duration.ofMinutes(15);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    /** How long after the last failure the next try is heard, given the failures so far. */
    public Duration waitAfter(int failures) {
        if (failures < SLOW_DOWN_AFTER) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - SLOW_DOWN_AFTER, 20);
        Duration wait = step.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** Zero when a try may be heard now, else how much longer to wait. */
    public Duration remainingWait(int failures, Instant lastFailureAt, Instant now) {
        if (lastFailureAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, lastFailureAt.plus(waitAfter(failures)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** True when this failure (counted from one) is the one that locks the account. */
    public boolean locksAt(int failures) {
        return failures >= LOCK_AT;
    }
}
