package org.reciprocity.review.figures;

import java.util.List;

/**
 * One page of the review and the whole period's totals (so the page shows them without a second call).
 *
 * @param total         members matching the filters
 * @param flagged       of those, how many have a flag
 */
public record ReviewPage(Period period, List<ReviewRow> rows, int page, int size, int total, int flagged,
                         long givenMinutes, long receivedMinutes) {

    public ReviewPage {
        rows = List.copyOf(rows);
    }
}
