package org.reciprocity.review.api;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.review.ReviewRefusal;
import org.reciprocity.review.facts.PartyKind;
import org.reciprocity.review.figures.Period;
import org.reciprocity.review.figures.ReviewQuery;
import org.reciprocity.review.figures.ReviewSort;

/** Reads what a request asks for, refusing with a problem the reader understands. */
final class ReviewRequests {

    /** A month as people write it: four digits of year, two of month (no sign, no year 10,000, no other digits). */
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    /** A page number or size: plain digits, few enough for an int; the range is checked with the query. */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    /** What is not shown back to a reader: control and format characters, half of a surrogate pair. */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}]");
    private static final int QUOTED = 40;

    private ReviewRequests() {
    }

    /**
     * {@code from} and {@code to} as {@code yyyy-MM}; without {@code from} the current month, without {@code to}
     * the one month {@code from}.
     *
     * @param clock in the timebank's zone: "this month" is the month its members are living in
     */
    static Period period(String from, String to, Clock clock) {
        YearMonth now = YearMonth.now(clock);
        YearMonth first = from == null || from.isBlank() ? null : month(from);
        YearMonth last = to == null || to.isBlank() ? null : month(to);
        if (first == null) {
            first = last == null ? now : last;
        }
        if (last == null) {
            last = first;
        }
        if (last.isBefore(first)) {
            throw ApiException.of(ReviewRefusal.PERIOD_BACKWARDS);
        }
        try {
            return new Period(first, last);
        } catch (IllegalArgumentException tooLong) {
            throw ApiException.of(ReviewRefusal.PERIOD_TOO_LONG, "most", Period.MAX_MONTHS);
        }
    }

    private static YearMonth month(String text) {
        // YearMonth alone reads "+999999999-12" and "-2026-11", months no period can be counted in
        if (!MONTH.matcher(text.strip()).matches()) {
            throw ApiException.of(ReviewRefusal.NOT_A_MONTH, "value", printable(text));
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.of(ReviewRefusal.NOT_A_MONTH, "value", printable(text));
        }
    }

    static PartyKind memberKind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            PartyKind kind = PartyKind.valueOf(constant(text));
            if (kind != PartyKind.ORGANISATION) {
                return kind;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw ApiException.of(ReviewRefusal.NOT_A_MEMBER_KIND, "value", printable(text));
    }

    static ReviewQuery query(Period period, PartyKind kind, String organisation, String sort, String direction,
                             int page, int size) {
        ReviewSort by;
        try {
            by = ReviewSort.valueOf(constant(sort));
        } catch (IllegalArgumentException e) {
            throw ApiException.of(ReviewRefusal.NOT_A_SORT, "value", printable(sort));
        }
        boolean descending;
        if ("asc".equalsIgnoreCase(direction)) {
            descending = false;
        } else if ("desc".equalsIgnoreCase(direction)) {
            descending = true;
        } else {
            throw ApiException.of(ReviewRefusal.NOT_A_DIRECTION);
        }
        if (page < 0 || page > 100_000 || size < 1 || size > ReviewQuery.MAX_SIZE) {
            throw ApiException.of(ReviewRefusal.PAGE_OUT_OF_RANGE, "most", ReviewQuery.MAX_SIZE);
        }
        return new ReviewQuery(period, kind, organisation == null || organisation.isBlank() ? null : organisation.strip(),
                by, descending, page, size);
    }

    /**
     * A page number or size as the caller wrote it, {@code fallback} when they wrote none. Read here
     * rather than bound as an int, so "-1", "1.5" or a number past an int get the page's own words.
     */
    static int number(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        if (!NUMBER.matcher(text.strip()).matches()) {
            throw ApiException.of(ReviewRefusal.PAGE_OUT_OF_RANGE, "most", ReviewQuery.MAX_SIZE);
        }
        return Integer.parseInt(text.strip());
    }

    /**
     * A rebuild takes no options: a query, or a body other than an empty one (or {@code {}}, {@code null},
     * which some clients send for "nothing"), is refused rather than silently ignored.
     */
    static void nothing(String query, String body) {
        boolean options = query != null && !query.isEmpty();
        String content = body == null ? "" : body.strip();
        if (options || !(content.isEmpty() || content.equals("{}") || content.equals("null"))) {
            throw ApiException.of(ReviewRefusal.REBUILD_TAKES_NOTHING);
        }
    }

    static CoproductionKind indicator(String text) {
        try {
            CoproductionKind kind = CoproductionKind.valueOf(constant(text));
            if (kind.level() != CoproductionKind.Level.EVERYDAY) {
                return kind;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw ApiException.of(ReviewRefusal.NOT_AN_INDICATOR, "value", printable(text));
    }

    /** {@code service-user}, {@code service_user} and {@code SERVICE_USER} all name the same constant. */
    private static String constant(String text) {
        return text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** What the caller wrote, shortened and without control characters, to quote back in a problem. */
    static String printable(String text) {
        // a right-to-left override would turn the reader's sentence around; a cut pair is not text
        String clean = UNPRINTABLE.matcher(text).replaceAll("");
        if (clean.codePointCount(0, clean.length()) <= QUOTED) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, QUOTED)) + "…";
    }
}
