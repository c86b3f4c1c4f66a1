package org.reciprocity.contracts.match;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * Both sides accepted a match: the giver will help the receiver. The ledger lets either of them
 * log a contribution naming this match.
 */
public record MatchAgreed(UUID eventId, Instant occurredAt, String timebankId, String matchId, String giverId,
                          String receiverId, String offerListingId, String needListingId, long estimatedMinutes)
        implements DomainEvent {

    public MatchAgreed {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(matchId, "matchId");
        Events.requireText(giverId, "giverId");
        Events.requireText(receiverId, "receiverId");
    }

    @Override
    public String subject() {
        return matchId;
    }
}
