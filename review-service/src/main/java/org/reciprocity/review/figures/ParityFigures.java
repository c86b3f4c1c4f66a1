package org.reciprocity.review.figures;

import java.util.List;
import java.util.Map;

import org.reciprocity.review.facts.PartyKind;

/**
 * Hours flowing between member kinds over a period.
 *
 * @param matrix       giver's kind → receiver's kind → minutes, every kind present (zeros included)
 * @param serviceUsers what service users gave staff and the service against what they received from them
 * @param trend        the same, month by month
 */
public record ParityFigures(Period period, long totalMinutes, Map<PartyKind, Map<PartyKind, Long>> matrix,
                            Share serviceUsers, List<ParityMonth> trend) {
}
