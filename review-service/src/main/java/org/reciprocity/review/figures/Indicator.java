package org.reciprocity.review.figures;

import java.time.YearMonth;
import java.util.List;

import org.reciprocity.contracts.contribution.CoproductionKind;

/** One of Crepaz-Keay's seven indicators over a period, and its trend month by month. */
public record Indicator(CoproductionKind kind, CoproductionKind.Level level, IndicatorFigure period,
                        List<MonthFigure> trend) {

    public record MonthFigure(YearMonth month, IndicatorFigure figure) {
    }
}
