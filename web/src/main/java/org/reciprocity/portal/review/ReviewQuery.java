package org.reciprocity.portal.review;

import java.util.Locale;
import org.springframework.web.util.UriBuilder;

/**
 * What the reciprocity review shows: the period, the filters, the order and the page. A kind, a sort
 * or an organisation the page does not know is dropped (shown unfiltered), as on the board.
 */
public record ReviewQuery(ReviewPeriod period, String kind, String organisation, String sort, String direction, int page) {

    static final int PAGE_SIZE = 25;

    static ReviewQuery of(ReviewPeriod period, String kind, String organisation, String sort, String direction,
                          int page) {
        String k = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        String o = organisation == null ? "" : organisation.strip();
        String s = sort == null ? "" : sort.strip().toLowerCase(Locale.ROOT);
        return new ReviewQuery(period,
                ReviewFigures.Flags.MEMBER_KINDS.contains(k) ? k : "",
                o.matches("[A-Za-z0-9_.:-]{1,64}") ? o : "",
                ReviewFigures.Flags.SORTS.contains(s) ? s : "name",
                "desc".equalsIgnoreCase(direction) ? "desc" : "asc",
                Math.max(0, Math.min(page, 100_000)));
    }

    /** The filters and order as review-service reads them (page and size are the caller's). */
    UriBuilder members(UriBuilder uri) {
        if (!kind.isEmpty()) {
            uri.queryParam("kind", kind);
        }
        if (!organisation.isEmpty()) {
            uri.queryParam("organisation", organisation);
        }
        return uri.queryParam("sort", sort).queryParam("direction", direction);
    }

    /** The direction a column's heading link asks for: the other way when the rows are already sorted by it. */
    public String directionFor(String column) {
        return column.equals(sort) && "asc".equals(direction) ? "desc" : "asc";
    }

    /** For {@code aria-sort} on the column the rows are sorted by. */
    public String ariaSort(String column) {
        return column.equals(sort) ? ("asc".equals(direction) ? "ascending" : "descending") : null;
    }
}
