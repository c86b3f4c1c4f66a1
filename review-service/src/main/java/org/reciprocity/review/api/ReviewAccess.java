package org.reciprocity.review.api;

import static org.reciprocity.kit.access.Relation.ADMIN;
import static org.reciprocity.kit.access.Relation.COORDINATOR;
import static org.reciprocity.kit.access.Relation.REVIEWER;
import static org.reciprocity.kit.access.Relation.SELF;

import java.util.EnumSet;
import java.util.Set;

import org.reciprocity.kit.access.AccessRule;
import org.reciprocity.kit.access.Relation;

/**
 * Who may read the review: staff (REVIEWER), coordinators and admins of the timebank; a member
 * alone is refused (403), except for what the review holds about themself; anyone of another
 * timebank is refused (the kit's timebank check).
 */
public enum ReviewAccess implements AccessRule {

    READ_RECIPROCITY_REVIEW(REVIEWER, COORDINATOR, ADMIN),   // names, kinds, hours and balances of every member
    READ_PARITY(REVIEWER, COORDINATOR, ADMIN),
    READ_INDICATORS(REVIEWER, COORDINATOR, ADMIN),
    READ_CONTRIBUTIONS_BEHIND_INDICATOR(REVIEWER, COORDINATOR, ADMIN), // ids, kinds and dates: no names, no notes
    REBUILD_PROJECTIONS(ADMIN),
    EXPORT_TIMEBANK(ADMIN),                                  // the whole timebank as CSV (export package): admins only
    READ_OWN_PERSONAL_DATA(SELF, ADMIN),                     // right of access: what the review holds about one member
    LIST_READS(SELF, ADMIN),                                 // issue 18: who looked at the member here (kit ReadsController)

    // operations: the kit's list of this timebank's events the broker refused for good (ParkedEventsController)
    PARKED_EVENTS_READ(ADMIN);

    private final Set<Relation> allowed;

    ReviewAccess(Relation first, Relation... more) {
        this.allowed = Set.copyOf(EnumSet.of(first, more));
    }

    @Override
    public Set<Relation> allowed() {
        return allowed;
    }

    /**
     * Looks kept for the member ("who looked", issue 18): an admin's look at one member's personal data;
     * the reciprocity review's rows (names, hours and balances: the endpoint keeps one look per member
     * shown, {@code ReadLog.alsoRead}); the whole timebank's download (one look per member, when the
     * ZIP is fetched). Parity, indicators and the contributions behind them name nobody.
     */
    @Override
    public boolean sensitive() {
        return this == READ_OWN_PERSONAL_DATA || this == READ_RECIPROCITY_REVIEW || this == EXPORT_TIMEBANK;
    }
}
