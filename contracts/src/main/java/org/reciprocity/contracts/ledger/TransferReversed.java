package org.reciprocity.contracts.ledger;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A coordinator corrected a posted transfer: the original stays untouched and a new, reversing
 * transfer ({@code reversalTransferId}, posted with its own {@code TransferPosted}) names it and says why.
 */
public record TransferReversed(UUID eventId, Instant occurredAt, String timebankId, String reversalTransferId,
                               String reversedTransferId, String correctedBy, String reason, long minutes)
        implements DomainEvent {

    public TransferReversed {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(reversalTransferId, "reversalTransferId");
        Events.requireText(reversedTransferId, "reversedTransferId");
    }

    @Override
    public String subject() {
        return timebankId;
    }
}
