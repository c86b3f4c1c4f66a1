package org.reciprocity.notification.delivery;

import java.time.Duration;

/** Exponential back-off for a channel that failed: the wait grows after each try, up to a cap, for a number of tries. */
public record RetryPolicy(Duration initialInterval, double multiplier, Duration maxInterval, int maxAttempts) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("the wait must not shrink");
        }
    }

    /** How long to wait after the {@code attempts}-th failed try. */
    public Duration delayAfter(int attempts) {
        double millis = initialInterval.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
        return millis >= maxInterval.toMillis() ? maxInterval : Duration.ofMillis((long) millis);
    }

    public boolean exhaustedAfter(int attempts) {
        return attempts >= maxAttempts;
    }
}
