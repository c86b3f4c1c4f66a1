package org.reciprocity.contracts.erasure;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A member asked, from their own page, for their data to be erased; an admin then erases them (a
 * coordinator may first need to settle what is still open). Ids only.
 *
 * @param requestedBy who asked: the member
 */
public record ErasureRequested(UUID eventId, Instant occurredAt, String timebankId, String memberId,
                               String requestedBy) implements DomainEvent {

    public ErasureRequested {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(memberId, "memberId");
        Events.requireText(requestedBy, "requestedBy");
    }

    @Override
    public String subject() {
        return memberId;
    }
}
