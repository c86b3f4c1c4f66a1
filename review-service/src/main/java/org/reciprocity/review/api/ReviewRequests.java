package org.reciprocity.review.api;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.review.ReviewRefusal;
import org.reciprocity.review.facts.PartyKind;
import org.reciprocity.review.figures.Period;
import org.reciprocity.review.figures.ReviewQuery;
import org.reciprocity.review.figures.ReviewSort;

/** Reads what a request asks for, refusing with a problem the reader understands. */
final class ReviewRequests {

    private ReviewRequests() {
    }

    /** {@code from} and {@code to} as {@code yyyy-MM}; without {@code from} the current month (UTC), without {@code to} the one month {@code from}. */
    static Period period(String from, String to, Clock clock) {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
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
    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
