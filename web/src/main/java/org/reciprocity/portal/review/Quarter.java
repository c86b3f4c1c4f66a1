package org.reciprocity.portal.review;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of the year, the period a board reads a report for: {@code 2026-Q4} is October to
 * December 2026, in whole UTC months as review-service counts them.
 */
public record Quarter(int year, int number) {

    private static final Pattern WRITTEN = Pattern.compile("(\\d{4})-Q([1-4])");

    public static Quarter of(YearMonth month) {
        return new Quarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
    }

    /** The quarter a link or a form names, or null when it names none. */
    static Quarter parse(String text) {
        Matcher m = text == null ? null : WRITTEN.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
        return m != null && m.matches() ? new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : null;
    }

    /** This quarter (so far) and the ones before it, newest first. */
    static List<Quarter> recent(YearMonth now, int count) {
        List<Quarter> quarters = new ArrayList<>();
        Quarter q = of(now);
        for (int i = 0; i < count; i++) {
            quarters.add(q);
            q = q.previous();
        }
        return quarters;
    }

    public YearMonth from() {
        return YearMonth.of(year, (number - 1) * 3 + 1);
    }

    public YearMonth to() {
        return from().plusMonths(2);
    }

    Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    /** Whether this quarter has begun by this month: a report cannot be of months still to come. */
    boolean begunBy(YearMonth now) {
        return !from().isAfter(now);
    }

    ReviewPeriod period() {
        return new ReviewPeriod("custom", from(), to());
    }

    /** As a link or a file name writes it: {@code 2026-Q4}. */
    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
