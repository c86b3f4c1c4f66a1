package org.reciprocity.review.figures;

/**
 * An indicator over a month or the whole period.
 *
 * @param met           whether service users took part: at least one, two for the governing body ("several")
 * @param contributions contributions of the kind whose hours count in the period (net of reversals, above zero)
 * @param people        distinct members on either side of those
 * @param minutes       the kind's minutes in the period, net of reversals
 * @param serviceUsers  distinct service users among the people (their kind when the hours were posted)
 */
public record IndicatorFigure(boolean met, int contributions, int people, long minutes, int serviceUsers) {
}
