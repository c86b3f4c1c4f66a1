package org.reciprocity.contracts.contribution;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** The other side says a logged contribution is not right; a coordinator will resolve it. */
public record ContributionDisputed(UUID eventId, Instant occurredAt, String timebankId, String contributionId, String disputedBy, String giverAccountId, String receiverAccountId, String reason) implements DomainEvent {

    public ContributionDisputed {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(contributionId, "contributionId");
    }

    @Override
    public String subject() {
        return contributionId;
    }
}
