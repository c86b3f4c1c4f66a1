package org.reciprocity.contracts.match;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** An agreed or proposed match was cancelled before any time was logged against it. */
public record MatchCancelled(UUID eventId, Instant occurredAt, String timebankId, String matchId, String cancelledBy, String giverId, String receiverId, String reason) implements DomainEvent {

    public MatchCancelled {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(matchId, "matchId");
    }

    @Override
    public String subject() {
        return matchId;
    }
}
