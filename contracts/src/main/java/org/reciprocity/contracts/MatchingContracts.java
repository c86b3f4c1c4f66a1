package org.reciprocity.contracts;

import static org.reciprocity.contracts.Topics.MATCHING;

import java.util.List;

import org.reciprocity.contracts.match.MatchAgreed;

/** The topics matching-service publishes and the event types on them. */
public final class MatchingContracts {

    public static final Topic LISTINGS = new Topic(Topics.LISTINGS_TOPIC, "listingId", 6,
            java.time.Duration.ofDays(365), MATCHING, "Offers and needs published, withdrawn, expired.");
    public static final Topic MATCHES = new Topic(Topics.MATCHES_TOPIC, "matchId", 6, null, MATCHING,
            "The lifecycle of each match proposal, in order per match.");

    static final List<Topic> TOPICS = List.of(LISTINGS, MATCHES);

    static final List<EventType> TYPES = List.of(
            new EventType("reciprocity.MatchAgreed.v1", MatchAgreed.class, MATCHES));

    private MatchingContracts() {
    }
}
