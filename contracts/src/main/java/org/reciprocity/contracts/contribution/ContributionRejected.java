package org.reciprocity.contracts.contribution;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** A coordinator rejected a disputed contribution; its pending minutes are voided. */
public record ContributionRejected(UUID eventId, Instant occurredAt, String timebankId, String contributionId, String rejectedBy, String giverAccountId, String receiverAccountId, String reason) implements DomainEvent {

    public ContributionRejected {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(contributionId, "contributionId");
    }

    @Override
    public String subject() {
        return contributionId;
    }
}
