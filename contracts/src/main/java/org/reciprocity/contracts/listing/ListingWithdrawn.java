package org.reciprocity.contracts.listing;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** An offer or need left the board for good because its owner (or a coordinator) withdrew it. {@code kind} is OFFER or NEED. */
public record ListingWithdrawn(UUID eventId, Instant occurredAt, String timebankId, String listingId, String ownerId,
                               String kind, String withdrawnBy, String reason) implements DomainEvent {

    public ListingWithdrawn {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(listingId, "listingId");
    }

    @Override
    public String subject() {
        return listingId;
    }
}
