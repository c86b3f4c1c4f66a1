package org.reciprocity.contracts.contribution;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** Nobody validated a contribution within the timebank's window; its pending minutes are voided. */
public record ContributionExpired(UUID eventId, Instant occurredAt, String timebankId, String contributionId, String giverAccountId, String receiverAccountId) implements DomainEvent {

    public ContributionExpired {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(contributionId, "contributionId");
    }

    @Override
    public String subject() {
        return contributionId;
    }
}
