package org.reciprocity.contracts.timebank;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A timebank's admin set how long its services keep what they hold (issue 18, retention). Each
 * service that keeps something in scope applies the newest of these per timebank; a timebank that
 * never had one keeps the defaults (365, 365, 365, 90, 730 days). Whole state, not a difference: a
 * replay in order ends with the last one.
 *
 * @param messagesDays            inbox items and deliveries, counted from when they were sent
 * @param closedListingsDays      listings expired or withdrawn, counted from their closing
 * @param closedMatchActivityDays the free-text {@code activity} of a closed match, from its closing
 * @param plansDays               coordinators' plans, from when they were drafted
 * @param leftMembersDays         personal data of members who left; applied by erasure, not built yet
 * @param changedBy               the opaque id of the admin
 */
public record RetentionPolicyChanged(UUID eventId, Instant occurredAt, String timebankId, int messagesDays,
                                     int closedListingsDays, int closedMatchActivityDays, int plansDays,
                                     int leftMembersDays, String changedBy) implements DomainEvent {

    public RetentionPolicyChanged {
        Events.require(eventId, occurredAt, timebankId);
        if (messagesDays < 1 || closedListingsDays < 1 || closedMatchActivityDays < 1 || plansDays < 1
                || leftMembersDays < 1) {
            throw new IllegalArgumentException("Every retention period is at least one day.");
        }
    }

    @Override
    public String subject() {
        return timebankId;
    }
}
