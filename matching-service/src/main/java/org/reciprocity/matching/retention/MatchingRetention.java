package org.reciprocity.matching.retention;

import java.time.Instant;
import java.util.List;

import org.reciprocity.kit.retention.RetentionPolicy;
import org.reciprocity.kit.retention.RetentionRule;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What matching-service stops keeping (issue 18). A document whose events still wait in its outbox
 * stays until they are published.
 */
public enum MatchingRetention implements RetentionRule {

    /** A listing withdrawn or expired, counted from then ({@code updatedAt}); renewed, it is open again and stays. */
    CLOSED_LISTINGS("closed-listings", "listings", null) {
        @Override
        public Criteria olderThan(Instant now, RetentionPolicy policy) {
            return new Criteria().andOperator(Criteria.where("status").in("WITHDRAWN", "EXPIRED"),
                    Criteria.where("updatedAt").lt(now.minus(policy.closedListings())), nothingToPublish());
        }
    },

    /**
     * The free text of a closed match (its {@code activity}, the listing's title copied in), counted
     * from its closing. The match itself stays: its ids and minutes are what the ledger and the
     * members' histories refer to.
     */
    CLOSED_MATCH_ACTIVITY("closed-match-activity", "matches", "activity") {
        @Override
        public Criteria olderThan(Instant now, RetentionPolicy policy) {
            return new Criteria().andOperator(Criteria.where("status").in(CLOSED_MATCHES),
                    Criteria.where("closedAt").lt(now.minus(policy.closedMatchActivity())), nothingToPublish());
        }
    },

    /**
     * Issue 18: the reason a closed match was declined or cancelled with (free text, kept in the match
     * since it no longer travels on the topic), on the same period as the activity.
     */
    CLOSED_MATCH_REASON("closed-match-reason", "matches", "closedReason") {
        @Override
        public Criteria olderThan(Instant now, RetentionPolicy policy) {
            return CLOSED_MATCH_ACTIVITY.olderThan(now, policy);
        }
    },

    /** A coordinator's plan (ids and reason codes; names and titles are looked up when read), from its drafting. */
    PLANS("plans", "plans", null) {
        @Override
        public Criteria olderThan(Instant now, RetentionPolicy policy) {
            return Criteria.where("createdAt").lt(now.minus(policy.plans()));
        }
    };

    static final List<String> CLOSED_MATCHES = List.of("COMPLETED", "DECLINED", "CANCELLED", "EXPIRED");

    private final String what;
    private final String collection;
    private final String clears;

    MatchingRetention(String what, String collection, String clears) {
        this.what = what;
        this.collection = collection;
        this.clears = clears;
    }

    @Override
    public String what() {
        return what;
    }

    @Override
    public String collection() {
        return collection;
    }

    @Override
    public String clears() {
        return clears;
    }

    private static Criteria nothingToPublish() {
        return Criteria.where("outbox.0").exists(false);
    }
}
