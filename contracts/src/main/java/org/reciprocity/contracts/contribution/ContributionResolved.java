package org.reciprocity.contracts.contribution;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** A coordinator resolved a dispute in favour of the contribution, perhaps with amended minutes; its transfer is posted. */
public record ContributionResolved(UUID eventId, Instant occurredAt, String timebankId, String contributionId, String resolvedBy, String giverAccountId, String receiverAccountId, long originalMinutes, long minutes, String note, String matchId, String transferId) implements DomainEvent {

    public ContributionResolved {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(contributionId, "contributionId");
    }

    @Override
    public String subject() {
        return contributionId;
    }
}
