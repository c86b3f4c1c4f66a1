package org.reciprocity.review.figures;

import org.reciprocity.review.facts.PartyKind;

/**
 * One page of the reciprocity review.
 *
 * @param kind           only members of this kind now, or {@code null} for all
 * @param organisationId only members who gave hours to or received hours from this organisation in
 *                       the period, or {@code null} (no event says who belongs to an organisation)
 * @param page           from 0
 */
public record ReviewQuery(Period period, PartyKind kind, String organisationId, ReviewSort sort, boolean descending,
                          int page, int size) {

    public static final int MAX_SIZE = 500;

    public ReviewQuery {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a page is from 0, and 1 to " + MAX_SIZE + " rows");
        }
        if (kind == PartyKind.ORGANISATION) {
            throw new IllegalArgumentException("the review lists members, not organisations");
        }
        sort = sort == null ? ReviewSort.NAME : sort;
    }
}
