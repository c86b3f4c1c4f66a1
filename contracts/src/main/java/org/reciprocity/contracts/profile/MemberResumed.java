package org.reciprocity.contracts.profile;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** A paused member is back: their listings return and they can be proposed again. */
public record MemberResumed(UUID eventId, Instant occurredAt, String timebankId, String memberId) implements DomainEvent {

    public MemberResumed {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(memberId, "memberId");
    }

    @Override
    public String subject() {
        return memberId;
    }
}
