package org.reciprocity.matching.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.listing.ListingExpired;
import org.reciprocity.contracts.listing.ListingWithdrawn;
import org.reciprocity.contracts.listing.NeedPublished;
import org.reciprocity.contracts.listing.OfferPublished;
import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.Refused;
import org.reciprocity.matching.vocabulary.Mode;

/**
 * An offer ("I can help with…") or a need ("I would like help with…") on a timebank's board.
 * Transitions check their guard, return the new listing and the event that records the change
 * (or none, for changes only this service cares about).
 */
public record Listing(String id, String timebankId, String ownerId, Kind kind, ListingContent content,
                      Status status, Instant publishedAt, Instant updatedAt, long version) {

    public enum Kind { OFFER, NEED }

    public enum Status { OPEN, PAUSED, WITHDRAWN, EXPIRED }

    /** The longest a listing stays on the board before its owner must renew it. */
    static final Duration LONGEST = Duration.ofDays(366);

    /** A listing and the event its change published, if any. */
    public record Changed(Listing listing, DomainEvent event) {
    }

    static Changed publish(String timebankId, String ownerId, Kind kind, ListingContent content, Clock clock) {
        Instant now = Instant.now(clock);
        requireExpiryAhead(content, now);
        Listing listing = new Listing(UUID.randomUUID().toString(), timebankId, ownerId, kind, content, Status.OPEN,
                now, now, 0);
        return new Changed(listing, listing.publishedEvent(now));
    }

    Changed edit(ListingContent changed, Clock clock) {
        requireLive("edit");
        Instant now = Instant.now(clock);
        requireExpiryAhead(changed, now);
        return new Changed(new Listing(id, timebankId, ownerId, kind, changed, status, publishedAt, now, version), null);
    }

    /** Off the board for a while, keeping its details; no event, since nobody outside needs to react. */
    Changed pause(Clock clock) {
        if (status != Status.OPEN) {
            throw new Refused(MatchingRefusal.NOT_OPEN_TO_PAUSE.with("state", words(status)));
        }
        return new Changed(with(Status.PAUSED, Instant.now(clock)), null);
    }

    Changed reopen(Clock clock) {
        if (status != Status.PAUSED) {
            throw new Refused(MatchingRefusal.NOT_PAUSED_TO_REOPEN.with("state", words(status)));
        }
        Instant now = Instant.now(clock);
        if (!content.expiresAt().isAfter(now)) {
            throw new Refused(MatchingRefusal.PAST_EXPIRY_DATE);
        }
        return new Changed(with(Status.OPEN, now), null);
    }

    Changed withdraw(String by, String reason, Clock clock) {
        requireLive("withdraw");
        Instant now = Instant.now(clock);
        // issue 18: the reason is free text and stays out of the topic (nobody reads it there)
        return new Changed(with(Status.WITHDRAWN, now), new ListingWithdrawn(UUID.randomUUID(), now, timebankId, id,
                ownerId, kind.name(), by, null));
    }

    /** Expired by the schedule; a listing not yet due is refused, so a late duplicate run changes nothing. */
    Changed expire(Instant now) {
        if (!isDue(now)) {
            throw new Refused(MatchingRefusal.LISTING_NOT_DUE.with("listingId", id));
        }
        return new Changed(with(Status.EXPIRED, now), new ListingExpired(UUID.randomUUID(), now, timebankId, id, ownerId,
                kind.name(), content.expiresAt()));
    }

    public boolean isDue(Instant now) {
        return (status == Status.OPEN || status == Status.PAUSED) && !content.expiresAt().isAfter(now);
    }

    /** Open and not past its date; the owner's own availability is checked by the board. */
    public boolean isOpen(Instant now) {
        return status == Status.OPEN && content.expiresAt().isAfter(now);
    }

    public boolean isLive() {
        return status == Status.OPEN || status == Status.PAUSED;
    }

    /**
     * Issue 18 (docs/personal-data.md 2.3): the title (the member's own words) and the district (where
     * they live, roughly) stay in matching's documents; the event carries the category and the facts.
     */
    private DomainEvent publishedEvent(Instant now) {
        List<String> tags = content.tags().stream().sorted().toList();
        String mode = content.mode().name();
        return kind == Kind.OFFER
                ? new OfferPublished(UUID.randomUUID(), now, timebankId, id, ownerId, null, content.category(),
                        tags, content.estimatedMinutes(), mode, null, content.requiresVerified(), content.expiresAt())
                : new NeedPublished(UUID.randomUUID(), now, timebankId, id, ownerId, null, content.category(),
                        tags, content.estimatedMinutes(), mode, null, content.requiresVerified(), content.expiresAt());
    }

    private void requireLive(String action) {
        if (!isLive()) {
            throw new Refused(MatchingRefusal.LISTING_OFF_THE_BOARD.with("state", words(status), "action", action));
        }
    }

    private static void requireExpiryAhead(ListingContent content, Instant now) {
        if (!content.expiresAt().isAfter(now)) {
            throw new Refused(MatchingRefusal.EXPIRY_NOT_AHEAD);
        }
        if (content.expiresAt().isAfter(now.plus(LONGEST))) {
            throw new Refused(MatchingRefusal.EXPIRY_TOO_FAR);
        }
    }

    private Listing with(Status next, Instant now) {
        return new Listing(id, timebankId, ownerId, kind, content, next, publishedAt, now, version);
    }

    private static String words(Status status) {
        return status.name(); // the bundles word it (state.OPEN=open)
    }

    public String title() {
        return content.title();
    }

    public String category() {
        return content.category();
    }

    public Set<String> tags() {
        return content.tags();
    }

    public Mode mode() {
        return content.mode();
    }
}
