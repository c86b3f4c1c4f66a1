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
        requireLive("edited");
        Instant now = Instant.now(clock);
        requireExpiryAhead(changed, now);
        return new Changed(new Listing(id, timebankId, ownerId, kind, changed, status, publishedAt, now, version), null);
    }

    /** Off the board for a while, keeping its details; no event, since nobody outside needs to react. */
    Changed pause(Clock clock) {
        if (status != Status.OPEN) {
            throw new Refused("Only an open listing can be paused; this one is " + words(status) + ".");
        }
        return new Changed(with(Status.PAUSED, Instant.now(clock)), null);
    }

    Changed reopen(Clock clock) {
        if (status != Status.PAUSED) {
            throw new Refused("Only a paused listing can be reopened; this one is " + words(status) + ".");
        }
        Instant now = Instant.now(clock);
        if (!content.expiresAt().isAfter(now)) {
            throw new Refused("This listing has passed its expiry date; edit the date first.");
        }
        return new Changed(with(Status.OPEN, now), null);
    }

    Changed withdraw(String by, String reason, Clock clock) {
        requireLive("withdrawn");
        Instant now = Instant.now(clock);
        return new Changed(with(Status.WITHDRAWN, now), new ListingWithdrawn(UUID.randomUUID(), now, timebankId, id,
                ownerId, kind.name(), by, reason));
    }

    /** Expired by the schedule; a listing not yet due is refused, so a late duplicate run changes nothing. */
    Changed expire(Instant now) {
        if (!isDue(now)) {
            throw new Refused("Listing " + id + " is not due to expire.");
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

    private DomainEvent publishedEvent(Instant now) {
        List<String> tags = content.tags().stream().sorted().toList();
        String mode = content.mode().name();
        return kind == Kind.OFFER
                ? new OfferPublished(UUID.randomUUID(), now, timebankId, id, ownerId, content.title(), content.category(),
                        tags, content.estimatedMinutes(), mode, content.district(), content.requiresVerified(),
                        content.expiresAt())
                : new NeedPublished(UUID.randomUUID(), now, timebankId, id, ownerId, content.title(), content.category(),
                        tags, content.estimatedMinutes(), mode, content.district(), content.requiresVerified(),
                        content.expiresAt());
    }

    private void requireLive(String what) {
        if (!isLive()) {
            throw new Refused("This listing is " + words(status) + " and can no longer be " + what + ".");
        }
    }

    private static void requireExpiryAhead(ListingContent content, Instant now) {
        if (!content.expiresAt().isAfter(now)) {
            throw new IllegalArgumentException("The expiry date must be in the future.");
        }
        if (content.expiresAt().isAfter(now.plus(LONGEST))) {
            throw new IllegalArgumentException("A listing can stay on the board for at most a year; choose an earlier expiry date.");
        }
    }

    private Listing with(Status next, Instant now) {
        return new Listing(id, timebankId, ownerId, kind, content, next, publishedAt, now, version);
    }

    private static String words(Status status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
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
