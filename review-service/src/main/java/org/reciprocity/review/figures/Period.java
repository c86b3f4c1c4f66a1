package org.reciprocity.review.figures;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Whole months of the timebank's zone, {@code from} to {@code to} inclusive; at most five years, so one read stays bounded. */
public record Period(YearMonth from, YearMonth to) {

    public static final int MAX_MONTHS = 60;

    public Period {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a period needs its first and last month");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period cannot end before it starts");
        }
        if (from.plusMonths(MAX_MONTHS).isBefore(to.plusMonths(1))) {
            throw new IllegalArgumentException("a period is at most " + MAX_MONTHS + " months");
        }
    }

    public static Period month(YearMonth month) {
        return new Period(month, month);
    }

    public boolean contains(YearMonth month) {
        return !month.isBefore(from) && !month.isAfter(to);
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
