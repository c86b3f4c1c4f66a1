package org.reciprocity.contracts.match;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * One side accepted a proposed match; when both have, it is agreed.
 *
 * @param proposedBy   who proposed the match: when it is {@code acceptedBy}, this yes came with the
 *                     proposal itself (a member answering a listing says yes by answering)
 * @param bothAccepted this was the second yes: a {@code MatchAgreed} follows at once
 * @param activity     what the two would do together (the need's title, else the offer's)
 *                     <p>The last three were added later: {@code null} in older events.
 */
public record MatchAccepted(UUID eventId, Instant occurredAt, String timebankId, String matchId, String acceptedBy,
                            String giverId, String receiverId, String proposedBy, Boolean bothAccepted,
                            String activity) implements DomainEvent {

    /** As published before {@code proposedBy}, {@code bothAccepted} and {@code activity} were added. */
    public MatchAccepted(UUID eventId, Instant occurredAt, String timebankId, String matchId, String acceptedBy,
                         String giverId, String receiverId) {
        this(eventId, occurredAt, timebankId, matchId, acceptedBy, giverId, receiverId, null, null, null);
    }

    public MatchAccepted {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(matchId, "matchId");
    }

    @Override
    public String subject() {
        return matchId;
    }
}
