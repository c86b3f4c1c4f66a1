package org.reciprocity.contracts.match;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A match was proposed between a giver and a receiver ({@code proposedVia}: MEMBER, COORDINATOR or
 * PLANNER); each side is asked to accept. {@code score} is 0..100.
 *
 * @param activity what the two would do together, in the member's words (the need's title, else the
 *                 offer's); added later, so {@code null} in older events
 */
public record MatchProposed(UUID eventId, Instant occurredAt, String timebankId, String matchId, String giverId,
                            String receiverId, String offerListingId, String needListingId, String proposedBy,
                            String proposedVia, long estimatedMinutes, int score, Instant expiresAt, String activity)
        implements DomainEvent {

    /** As published before {@code activity} was added. */
    public MatchProposed(UUID eventId, Instant occurredAt, String timebankId, String matchId, String giverId,
                         String receiverId, String offerListingId, String needListingId, String proposedBy,
                         String proposedVia, long estimatedMinutes, int score, Instant expiresAt) {
        this(eventId, occurredAt, timebankId, matchId, giverId, receiverId, offerListingId, needListingId, proposedBy,
                proposedVia, estimatedMinutes, score, expiresAt, null);
    }

    public MatchProposed {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(matchId, "matchId");
    }

    @Override
    public String subject() {
        return matchId;
    }
}
