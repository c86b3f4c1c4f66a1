package org.reciprocity.contracts.match;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * Both sides accepted a match: the giver will help the receiver. The ledger lets either of them
 * log a contribution naming this match.
 *
 * @param activity what the two will do together (the need's title, else the offer's); added later,
 *                 so {@code null} in older events
 */
public record MatchAgreed(UUID eventId, Instant occurredAt, String timebankId, String matchId, String giverId,
                          String receiverId, String offerListingId, String needListingId, long estimatedMinutes,
                          String activity)
        implements DomainEvent {

    /** As published before {@code activity} was added. */
    public MatchAgreed(UUID eventId, Instant occurredAt, String timebankId, String matchId, String giverId,
                       String receiverId, String offerListingId, String needListingId, long estimatedMinutes) {
        this(eventId, occurredAt, timebankId, matchId, giverId, receiverId, offerListingId, needListingId,
                estimatedMinutes, null);
    }

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
