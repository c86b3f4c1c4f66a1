package org.reciprocity.review.export;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.listing.ListingExpired;
import org.reciprocity.contracts.listing.ListingWithdrawn;
import org.reciprocity.contracts.listing.NeedPublished;
import org.reciprocity.contracts.listing.OfferPublished;
import org.reciprocity.contracts.match.MatchAgreed;
import org.reciprocity.contracts.match.MatchCancelled;
import org.reciprocity.contracts.match.MatchCompleted;
import org.reciprocity.contracts.match.MatchDeclined;
import org.reciprocity.contracts.match.MatchExpired;
import org.reciprocity.contracts.match.MatchProposed;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Folds matching-service's listings' and matches' topics into {@link MatchingRecords}, for the
 * download only: consumer groups {@code review.listings} and {@code review.matches}, from the
 * earliest offset. Idempotent without a processed-events record: every fold is a merge the same
 * event leaves unchanged. Other events of these topics ({@code MatchAccepted}) change nothing the
 * download shows.
 */
@Component
class MatchingIntake {

    static final String LISTINGS = "review.listings";
    static final String MATCHES = "review.matches";

    private final MatchingRecords records;

    MatchingIntake(MatchingRecords records) {
        this.records = records;
    }

    @KafkaListener(id = LISTINGS, topics = Topics.LISTINGS_TOPIC)
    void onListing(DomainEvent event) {
        if (event instanceof OfferPublished e) {
            records.merge(new ListingRecord(e.timebankId(), e.listingId(), "OFFER", e.ownerId(),
                    new ListingRecord.Published(e.title(), e.category(), e.tags(), e.estimatedMinutes(), e.mode(),
                            e.district(), e.requiresVerified(), ms(e.occurredAt()), ms(e.expiresAt())), null, null));
        } else if (event instanceof NeedPublished e) {
            records.merge(new ListingRecord(e.timebankId(), e.listingId(), "NEED", e.ownerId(),
                    new ListingRecord.Published(e.title(), e.category(), e.tags(), e.estimatedMinutes(), e.mode(),
                            e.district(), e.requiresVerified(), ms(e.occurredAt()), ms(e.expiresAt())), null, null));
        } else if (event instanceof ListingWithdrawn e) {
            records.merge(new ListingRecord(e.timebankId(), e.listingId(), e.kind(), e.ownerId(), null, "WITHDRAWN",
                    ms(e.occurredAt())));
        } else if (event instanceof ListingExpired e) {
            records.merge(new ListingRecord(e.timebankId(), e.listingId(), e.kind(), e.ownerId(), null, "EXPIRED",
                    ms(e.occurredAt())));
        }
    }

    @KafkaListener(id = MATCHES, topics = Topics.MATCHES_TOPIC)
    void onMatch(DomainEvent event) {
        if (event instanceof MatchProposed e) {
            records.merge(new MatchRecord(e.timebankId(), e.matchId(), e.giverId(), e.receiverId(), e.offerListingId(),
                    e.needListingId(), e.proposedVia(), e.estimatedMinutes(), ms(e.occurredAt()), null,
                    MatchRecord.PROPOSED, ms(e.occurredAt()), null, null));
        } else if (event instanceof MatchAgreed e) {
            records.merge(new MatchRecord(e.timebankId(), e.matchId(), e.giverId(), e.receiverId(), e.offerListingId(),
                    e.needListingId(), null, e.estimatedMinutes(), null, ms(e.occurredAt()), MatchRecord.AGREED,
                    ms(e.occurredAt()), null, null));
        } else if (event instanceof MatchCompleted e) {
            ended(e, "COMPLETED", e.giverId(), e.receiverId(), e.contributionId(), e.minutes());
        } else if (event instanceof MatchDeclined e) {
            ended(e, "DECLINED", e.giverId(), e.receiverId(), null, null);
        } else if (event instanceof MatchCancelled e) {
            ended(e, "CANCELLED", e.giverId(), e.receiverId(), null, null);
        } else if (event instanceof MatchExpired e) {
            ended(e, "EXPIRED", e.giverId(), e.receiverId(), null, null);
        }
    }

    private void ended(DomainEvent e, String state, String giverId, String receiverId, String contributionId,
                       Long minutes) {
        records.merge(new MatchRecord(e.timebankId(), e.subject(), giverId, receiverId, null, null, null, null, null,
                null, state, ms(e.occurredAt()), contributionId, minutes));
    }

    /** Mongo keeps milliseconds: an event's time is cut to them before merging, so a redelivery merges to the same. */
    private static Instant ms(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }
}
