package org.reciprocity.review.figures;

/**
 * The hours service users gave to staff and to the service (organisations), against those they
 * received from them.
 *
 * @param givenPercent the given part of both, in whole percent; {@code null} when no hour moved
 */
public record Share(long givenMinutes, long receivedMinutes, Integer givenPercent) {

    static Share of(long given, long received) {
        return new Share(given, received, Ratios.percent(given, given + received));
    }
}
