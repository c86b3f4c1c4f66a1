package org.reciprocity.portal.review;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The months a review page covers: this month, the last three months, or from one month to another
 * (GOV.UK date inputs with a month and a year). review-service counts whole UTC months, at most 60.
 * Links on the pages carry the months as {@code from}/{@code to} ({@code yyyy-MM}).
 *
 * @param choice {@code month}, {@code quarter} or {@code custom}: which radio the form shows chosen
 */
public record ReviewPeriod(String choice, YearMonth from, YearMonth to) {

    static final int MAX_MONTHS = 60;

    /** What the person asked for: a period, or the field that is wrong and the words saying why. */
    public record Asked(ReviewPeriod period, String errorField, String errorKey, String fromMonth, String fromYear,
                 String toMonth, String toYear) {

        public boolean wrong() {
            return errorKey != null;
        }

        public String choice() {
            return period != null ? period.choice() : "custom";
        }
    }

    static ReviewPeriod month(YearMonth now) {
        return new ReviewPeriod("month", now, now);
    }

    static ReviewPeriod quarter(YearMonth now) {
        return new ReviewPeriod("quarter", now.minusMonths(2), now);
    }

    static Asked read(String period, String from, String to, String fromMonth, String fromYear, String toMonth,
                      String toYear, YearMonth now) {
        if (!blank(from) || !blank(to)) {
            YearMonth first = parse(blank(from) ? to : from);
            YearMonth last = parse(blank(to) ? from : to);
            if (first == null || last == null) {
                return wrong("from-month", "review.period.error.from", fromMonth, fromYear, toMonth, toYear);
            }
            return checked(first, last, now, String.valueOf(first.getMonthValue()), String.valueOf(first.getYear()),
                    String.valueOf(last.getMonthValue()), String.valueOf(last.getYear()));
        }
        if ("quarter".equals(period)) {
            return shown(quarter(now));
        }
        if (!"custom".equals(period)) {
            return shown(month(now));
        }
        YearMonth first = fields(fromMonth, fromYear);
        if (first == null) {
            return wrong("from-month", "review.period.error.from", fromMonth, fromYear, toMonth, toYear);
        }
        YearMonth last = blank(toMonth) && blank(toYear) ? first : fields(toMonth, toYear);
        if (last == null) {
            return wrong("to-month", "review.period.error.to", fromMonth, fromYear, toMonth, toYear);
        }
        return checked(first, last, now, fromMonth, fromYear, toMonth, toYear);
    }

    private static Asked checked(YearMonth first, YearMonth last, YearMonth now, String fromMonth, String fromYear,
                                 String toMonth, String toYear) {
        if (last.isBefore(first)) {
            return wrong("to-month", "review.period.error.backwards", fromMonth, fromYear, toMonth, toYear);
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            return wrong("from-month", "review.period.error.long", fromMonth, fromYear, toMonth, toYear);
        }
        String choice = first.equals(now) && last.equals(now) ? "month"
                : first.equals(now.minusMonths(2)) && last.equals(now) ? "quarter" : "custom";
        return shown(new ReviewPeriod(choice, first, last));
    }

    private static Asked shown(ReviewPeriod period) {
        return new Asked(period, null, null, String.valueOf(period.from().getMonthValue()),
                String.valueOf(period.from().getYear()), String.valueOf(period.to().getMonthValue()),
                String.valueOf(period.to().getYear()));
    }

    private static Asked wrong(String field, String key, String fromMonth, String fromYear, String toMonth,
                               String toYear) {
        return new Asked(null, field, key, fromMonth, fromYear, toMonth, toYear);
    }

    /** A month and a four-digit year typed in the date input, or null. */
    private static YearMonth fields(String month, String year) {
        try {
            int y = Integer.parseInt(year.strip());
            if (y < 1000 || y > 9999) {
                return null;
            }
            return YearMonth.of(y, Integer.parseInt(month.strip()));
        } catch (RuntimeException notAMonth) {
            return null;
        }
    }

    private static YearMonth parse(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException | NullPointerException notAMonth) {
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
