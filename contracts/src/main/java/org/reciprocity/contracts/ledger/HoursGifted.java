package org.reciprocity.contracts.ledger;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** A member gave minutes to another member or to the community pot; posted at once as {@code transferId}. */
public record HoursGifted(UUID eventId, Instant occurredAt, String timebankId, String transferId, String fromAccountId,
                          String toAccountId, long minutes, String note) implements DomainEvent {

    public HoursGifted {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(transferId, "transferId");
    }

    @Override
    public String subject() {
        return timebankId;
    }
}
