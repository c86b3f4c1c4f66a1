package org.reciprocity.contracts.contribution;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** Whoever logged a contribution withdrew it before validation; its pending minutes are voided. */
public record ContributionWithdrawn(UUID eventId, Instant occurredAt, String timebankId, String contributionId, String withdrawnBy, String giverAccountId, String receiverAccountId) implements DomainEvent {

    public ContributionWithdrawn {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(contributionId, "contributionId");
    }

    @Override
    public String subject() {
        return contributionId;
    }
}
