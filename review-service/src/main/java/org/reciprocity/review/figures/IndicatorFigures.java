package org.reciprocity.review.figures;

import java.util.List;

/** The seven co-production indicators over a period. */
public record IndicatorFigures(Period period, List<Indicator> indicators) {
}
