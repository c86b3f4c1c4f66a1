package org.reciprocity.contracts;

import static org.reciprocity.contracts.EventSamples.ALI;
import static org.reciprocity.contracts.EventSamples.AT;
import static org.reciprocity.contracts.EventSamples.CONTRIBUTION;
import static org.reciprocity.contracts.EventSamples.SAM;
import static org.reciprocity.contracts.EventSamples.TB;
import static org.reciprocity.contracts.EventSamples.id;

import java.time.Instant;
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

/** Samples of matching-service's events (see {@link EventSamples}). */
final class MatchingEventSamples {

    private MatchingEventSamples() {
    }

    static List<DomainEvent> all() {
        return List.of(
                new MatchProposed(id(101), AT, TB, "m-1", SAM, ALI, "l-offer", "l-need", "coordinator-1", "COORDINATOR",
                        60, 87, Instant.parse("2026-12-02T09:30:00Z"), "Someone to walk with"),
                new MatchAccepted(id(102), AT, TB, "m-1", SAM, SAM, ALI, "coordinator-1", false, "Someone to walk with"),
                new MatchDeclined(id(103), AT, TB, "m-1", ALI, SAM, ALI, "Not this week"),
                new MatchAgreed(id(104), AT, TB, "m-1", SAM, ALI, "l-offer", "l-need", 60, "Someone to walk with"),
                new MatchCancelled(id(105), AT, TB, "m-1", "coordinator-1", SAM, ALI, "Moved away"),
                new MatchCompleted(id(106), AT, TB, "m-1", CONTRIBUTION, SAM, ALI, 60),
                new MatchExpired(id(107), AT, TB, "m-1", SAM, ALI),
                new MemberPaused(id(108), AT, TB, SAM),
                new MemberResumed(id(109), AT, TB, SAM),
                new OfferPublished(id(110), AT, TB, "l-offer", SAM, "Walks and a chat", "befriending",
                        List.of("walking", "arabic"), 60, "IN_PERSON", "M14", false, Instant.parse("2027-02-23T09:30:00Z")),
                new NeedPublished(id(111), AT, TB, "l-need", ALI, "Someone to walk with", "befriending",
                        List.of("walking"), 60, "IN_PERSON", "M13", true, Instant.parse("2027-02-23T09:30:00Z")),
                new ListingWithdrawn(id(112), AT, TB, "l-offer", SAM, "OFFER", SAM, "Found a job"),
                new ListingExpired(id(113), AT, TB, "l-need", ALI, "NEED", Instant.parse("2027-02-23T09:30:00Z")));
    }
}
