package org.reciprocity.contracts.match;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** The ledger reported a validated contribution naming this match. */
public record MatchCompleted(UUID eventId, Instant occurredAt, String timebankId, String matchId, String contributionId, String giverId, String receiverId, long minutes) implements DomainEvent {

    public MatchCompleted {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(matchId, "matchId");
    }

    @Override
    public String subject() {
        return matchId;
    }
}
