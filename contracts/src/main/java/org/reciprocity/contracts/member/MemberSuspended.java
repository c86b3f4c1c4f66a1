package org.reciprocity.contracts.member;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** A coordinator suspended a member: they can neither log nor spend, nor be matched, until reactivated. */
public record MemberSuspended(UUID eventId, Instant occurredAt, String timebankId, String memberId, String suspendedBy,
                              String reason) implements DomainEvent {

    public MemberSuspended {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(memberId, "memberId");
    }

    @Override
    public String subject() {
        return memberId;
    }
}
