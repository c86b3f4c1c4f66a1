package org.reciprocity.review.export;

import java.time.Instant;
import java.util.List;

/**
 * An offer or need as the listings' topic tells it, keyed {@code <timebank>|<listing>}: what was
 * published and whether it left the board (withdrawn or expired). The merge is commutative,
 * associative and idempotent like the review's facts: a published event fills what is missing
 * (the same event always says the same), and of two endings the earlier wins. Editing, pausing
 * and reopening publish nothing (matching-service keeps them to itself), so a title is the one
 * published and an open listing may be paused.
 *
 * @param published what {@code OfferPublished}/{@code NeedPublished} said, or {@code null} while only an ending is known
 * @param ending    {@code WITHDRAWN} or {@code EXPIRED}, or {@code null} while on the board
 */
record ListingRecord(String timebankId, String listingId, String kind, String ownerId, Published published,
                     String ending, Instant endedAt) {

    /** No description (not on the topic) and no reason for a withdrawal (free text): only what the board shows. */
    record Published(String title, String category, List<String> tags, long estimatedMinutes, String mode,
                     String district, boolean requiresVerified, Instant publishedAt, Instant expiresAt) {

        Published {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    String id() {
        return timebankId + "|" + listingId;
    }

    ListingRecord merge(ListingRecord other) {
        boolean otherEnds = other.ending != null && (ending == null || other.endedAt.isBefore(endedAt)
                || (other.endedAt.equals(endedAt) && other.ending.compareTo(ending) < 0));
        return new ListingRecord(timebankId, listingId, kind != null ? kind : other.kind,
                ownerId != null ? ownerId : other.ownerId, published != null ? published : other.published,
                otherEnds ? other.ending : ending, otherEnds ? other.endedAt : endedAt);
    }

    /** OPEN while on the board as far as the topic says; else how it left. */
    String state() {
        return ending == null ? "OPEN" : ending;
    }
}
