package org.reciprocity.contracts.ledger;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** A member spent minutes on an organisation's offer (a course, an event); posted at once as {@code transferId}. */
public record HoursRedeemed(UUID eventId, Instant occurredAt, String timebankId, String transferId, String memberId,
                            String organisationAccountId, long minutes, String offer) implements DomainEvent {

    public HoursRedeemed {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(transferId, "transferId");
    }

    @Override
    public String subject() {
        return timebankId;
    }
}
