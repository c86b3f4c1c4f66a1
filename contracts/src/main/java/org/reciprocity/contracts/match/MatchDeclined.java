package org.reciprocity.contracts.match;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** One side declined a proposed match. */
public record MatchDeclined(UUID eventId, Instant occurredAt, String timebankId, String matchId, String declinedBy, String giverId, String receiverId, String reason) implements DomainEvent {

    public MatchDeclined {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(matchId, "matchId");
    }

    @Override
    public String subject() {
        return matchId;
    }
}
