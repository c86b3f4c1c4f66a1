package org.reciprocity.contracts.listing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A member asked for help ("I would like help with…"); the need is on the board until it is withdrawn or
 * expires. Carries what a reader needs to show or route it, never the owner's address.
 *
 * @param mode     IN_PERSON, REMOTE or GROUP
 * @param district the coarse area (a postcode district), or {@code null} for remote-only
 */
public record NeedPublished(UUID eventId, Instant occurredAt, String timebankId, String listingId, String ownerId,
                             String title, String category, List<String> tags, long estimatedMinutes, String mode,
                             String district, boolean requiresVerified, Instant expiresAt) implements DomainEvent {

    public NeedPublished {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(listingId, "listingId");
        Events.requireText(ownerId, "ownerId");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    @Override
    public String subject() {
        return listingId;
    }
}
