package org.reciprocity.review.figures;

import java.time.Duration;

/**
 * When a row is flagged.
 *
 * @param muchMinutes hours in the period that count as "much" (given or received)
 * @param longWait    how long a contribution may wait for its validation before it is a long wait
 */
public record Thresholds(long muchMinutes, Duration longWait) {

    public static final Thresholds DEFAULT = new Thresholds(10 * 60, Duration.ofDays(14));
}
