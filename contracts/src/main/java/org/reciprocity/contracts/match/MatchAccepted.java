package org.reciprocity.contracts.match;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** One side accepted a proposed match; when both have, it is agreed. */
public record MatchAccepted(UUID eventId, Instant occurredAt, String timebankId, String matchId, String acceptedBy, String giverId, String receiverId) implements DomainEvent {

    public MatchAccepted {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(matchId, "matchId");
    }

    @Override
    public String subject() {
        return matchId;
    }
}
