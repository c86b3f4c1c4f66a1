package org.reciprocity.contracts;

import static org.reciprocity.contracts.Topics.MATCHING;

import java.util.List;

import org.reciprocity.contracts.listing.ListingExpired;
import org.reciprocity.contracts.listing.ListingWithdrawn;
import org.reciprocity.contracts.listing.NeedPublished;
import org.reciprocity.contracts.listing.OfferPublished;
import org.reciprocity.contracts.match.MatchAccepted;
import org.reciprocity.contracts.match.MatchAgreed;
import org.reciprocity.contracts.match.MatchCancelled;
import org.reciprocity.contracts.match.MatchCompleted;
import org.reciprocity.contracts.match.MatchDeclined;
import org.reciprocity.contracts.match.MatchExpired;
import org.reciprocity.contracts.match.MatchProposed;
import org.reciprocity.contracts.profile.MemberPaused;
import org.reciprocity.contracts.profile.MemberResumed;

/** The topics matching-service publishes and the event types on them. */
public final class MatchingContracts {

    public static final Topic LISTINGS = new Topic(Topics.LISTINGS_TOPIC, "listingId", 6,
            java.time.Duration.ofDays(365), MATCHING, "Offers and needs published, withdrawn, expired.");
    public static final Topic MATCHES = new Topic(Topics.MATCHES_TOPIC, "matchId", 6, null, MATCHING,
            "The lifecycle of each match proposal, in order per match.");

    public static final Topic PROFILES = new Topic(Topics.PROFILES_TOPIC, "memberId", 6, null, MATCHING,
            "Members pausing and resuming their participation.");

    static final List<Topic> TOPICS = List.of(LISTINGS, MATCHES, PROFILES);

    static final List<EventType> TYPES = List.of(
            new EventType("reciprocity.OfferPublished.v1", OfferPublished.class, LISTINGS),
            new EventType("reciprocity.NeedPublished.v1", NeedPublished.class, LISTINGS),
            new EventType("reciprocity.ListingWithdrawn.v1", ListingWithdrawn.class, LISTINGS),
            new EventType("reciprocity.ListingExpired.v1", ListingExpired.class, LISTINGS),
            new EventType("reciprocity.MatchProposed.v1", MatchProposed.class, MATCHES),
            new EventType("reciprocity.MatchAccepted.v1", MatchAccepted.class, MATCHES),
            new EventType("reciprocity.MatchDeclined.v1", MatchDeclined.class, MATCHES),
            new EventType("reciprocity.MatchAgreed.v1", MatchAgreed.class, MATCHES),
            new EventType("reciprocity.MatchCancelled.v1", MatchCancelled.class, MATCHES),
            new EventType("reciprocity.MatchCompleted.v1", MatchCompleted.class, MATCHES),
            new EventType("reciprocity.MatchExpired.v1", MatchExpired.class, MATCHES),
            new EventType("reciprocity.MemberPaused.v1", MemberPaused.class, PROFILES),
            new EventType("reciprocity.MemberResumed.v1", MemberResumed.class, PROFILES));

    private MatchingContracts() {
    }
}
