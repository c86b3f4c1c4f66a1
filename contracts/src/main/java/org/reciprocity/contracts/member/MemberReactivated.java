package org.reciprocity.contracts.member;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** A suspended member is active again. */
public record MemberReactivated(UUID eventId, Instant occurredAt, String timebankId, String memberId,
                                String reactivatedBy) implements DomainEvent {

    public MemberReactivated {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(memberId, "memberId");
    }

    @Override
    public String subject() {
        return memberId;
    }
}
