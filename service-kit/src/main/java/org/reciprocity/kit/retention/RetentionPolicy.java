package org.reciprocity.kit.retention;

import java.time.Duration;

import org.reciprocity.contracts.timebank.RetentionPolicyChanged;

/**
 * How long a timebank's services keep what they hold, as its admin set it (the ledger's retention
 * policy, heard as {@link RetentionPolicyChanged}). Whole days.
 *
 * @param leftMembers kept for when erasure exists: nothing applies it yet
 */
public record RetentionPolicy(Duration messages, Duration closedListings, Duration closedMatchActivity,
                              Duration plans, Duration leftMembers) {

    /** A year for messages, closed listings and match texts, 90 days for plans, two years for members who left. */
    public static final RetentionPolicy DEFAULTS = new RetentionPolicy(Duration.ofDays(365), Duration.ofDays(365),
            Duration.ofDays(365), Duration.ofDays(90), Duration.ofDays(730));

    public RetentionPolicy {
        for (Duration d : new Duration[] {messages, closedListings, closedMatchActivity, plans, leftMembers}) {
            if (d == null || d.toDays() < 1) {
                throw new IllegalArgumentException("Every retention period is at least one day.");
            }
        }
    }

    public static RetentionPolicy of(RetentionPolicyChanged e) {
        return new RetentionPolicy(Duration.ofDays(e.messagesDays()), Duration.ofDays(e.closedListingsDays()),
                Duration.ofDays(e.closedMatchActivityDays()), Duration.ofDays(e.plansDays()),
                Duration.ofDays(e.leftMembersDays()));
    }
}
