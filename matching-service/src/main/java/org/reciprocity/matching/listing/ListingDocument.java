package org.reciprocity.matching.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.matching.vocabulary.Mode;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A listing as stored, with the event of its last change in the outbox. The unique
 * {@code {_id, version}} index makes the conditional "replace if still at version n" a direct
 * lookup on mongo-java-server (and is harmless on MongoDB).
 */
@Document(Listings.COLLECTION)
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
record ListingDocument(@Id String id, String timebankId, String ownerId, Listing.Kind kind, String title,
                       String description, String category, Set<String> tags, long estimatedMinutes, Mode mode,
                       String district, ListingContent.Recurrence recurrence, Set<String> accessibility,
                       Instant expiresAt, boolean requiresVerified, Listing.Status status, Instant publishedAt,
                       Instant updatedAt, long version, List<OutboxEntry> outbox) {

    static ListingDocument of(Listing.Changed changed, List<OutboxEntry> pending) {
        Listing l = changed.listing();
        ListingContent c = l.content();
        List<OutboxEntry> outbox = new ArrayList<>(pending == null ? List.of() : pending);
        if (changed.event() != null) {
            outbox.add(OutboxEntry.of(changed.event()));
        }
        return new ListingDocument(l.id(), l.timebankId(), l.ownerId(), l.kind(), c.title(), c.description(),
                c.category(), c.tags(), c.estimatedMinutes(), c.mode(), c.district(), c.recurrence(), c.accessibility(),
                c.expiresAt(), c.requiresVerified(), l.status(), l.publishedAt(), l.updatedAt(), l.version(), outbox);
    }

    ListingDocument nextVersion() {
        return new ListingDocument(id, timebankId, ownerId, kind, title, description, category, tags, estimatedMinutes,
                mode, district, recurrence, accessibility, expiresAt, requiresVerified, status, publishedAt, updatedAt,
                version + 1, outbox);
    }

    Listing toListing() {
        return new Listing(id, timebankId, ownerId, kind, new ListingContent(title, description, category, tags,
                estimatedMinutes, mode, district, recurrence, accessibility, expiresAt, requiresVerified), status,
                publishedAt, updatedAt, version);
    }
}
