package org.reciprocity.contracts.match;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** A proposal was not answered in time. */
public record MatchExpired(UUID eventId, Instant occurredAt, String timebankId, String matchId, String giverId, String receiverId) implements DomainEvent {

    public MatchExpired {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(matchId, "matchId");
    }

    @Override
    public String subject() {
        return matchId;
    }
}
