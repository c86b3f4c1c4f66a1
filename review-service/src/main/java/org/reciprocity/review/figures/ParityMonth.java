package org.reciprocity.review.figures;

import java.time.YearMonth;
import java.util.Map;

import org.reciprocity.review.facts.PartyKind;

/** The parity of one month of the trend. */
public record ParityMonth(YearMonth month, long totalMinutes, Map<PartyKind, Map<PartyKind, Long>> matrix,
                          Share serviceUsers) {
}
