package org.reciprocity.contracts.profile;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** A member paused (illness, a hard month): no listings, no proposals, only messages they must have, until they resume. */
public record MemberPaused(UUID eventId, Instant occurredAt, String timebankId, String memberId) implements DomainEvent {

    public MemberPaused {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(memberId, "memberId");
    }

    @Override
    public String subject() {
        return memberId;
    }
}
