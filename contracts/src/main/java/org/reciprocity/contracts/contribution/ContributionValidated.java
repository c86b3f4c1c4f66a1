package org.reciprocity.contracts.contribution;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** The other side (or a coordinator) confirmed a logged contribution; its transfer is posted. The acknowledgement: {@code thankYouNote} is the validator's words to the giver, or {@code null}. */
public record ContributionValidated(UUID eventId, Instant occurredAt, String timebankId, String contributionId, String validatedBy, String giverAccountId, String receiverAccountId, long minutes, String thankYouNote, String matchId, String transferId) implements DomainEvent {

    public ContributionValidated {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(contributionId, "contributionId");
    }

    @Override
    public String subject() {
        return contributionId;
    }
}
