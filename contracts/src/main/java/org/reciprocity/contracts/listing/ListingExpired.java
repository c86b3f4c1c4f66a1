package org.reciprocity.contracts.listing;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** An offer or need reached its expiry date and left the board by itself. {@code kind} is OFFER or NEED. */
public record ListingExpired(UUID eventId, Instant occurredAt, String timebankId, String listingId, String ownerId,
                             String kind, Instant expiresAt) implements DomainEvent {

    public ListingExpired {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(listingId, "listingId");
    }

    @Override
    public String subject() {
        return listingId;
    }
}
