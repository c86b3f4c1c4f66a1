package org.reciprocity.platform;

import java.time.Duration;

/**
 * How long to wait before starting a stopped process again: 1 s, 2 s, 4 s... up to a cap, so a
 * process that keeps dying costs little, yet is always tried again. A process that ran healthy
 * for a while before it stopped starts again from the shortest wait.
 */
record Backoff(Duration first, Duration cap, Duration healthyLongEnough) {

    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));

    /** The wait before the {@code failuresInARow}-th start in a row (1 = the first failure). */
    Duration delay(int failuresInARow) {
        long millis = first.toMillis();
        for (int i = 1; i < failuresInARow && millis < cap.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }

    /** Whether a process that stopped after being healthy this long counts as a fresh failure. */
    boolean ranLongEnough(Duration healthyFor) {
        return healthyFor.compareTo(healthyLongEnough) >= 0;
    }
}
