package org.reciprocity.kit.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.erasure.ErasureConfirmed;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A service's confirmations that it forgot an erased member, one document per member in
 * {@value #COLLECTION}, each carrying its {@link ErasureConfirmed} in its outbox. Inserting it is the
 * last step of a service's erasure: every step before it is repeatable, so a crash anywhere before
 * the insert repeats them all when the {@code MemberErased} event comes again, and the insert's unique
 * {@code _id} makes the confirmation go out once, whoever inserts it first.
 *
 * <p>A service using this lists {@value #COLLECTION} among its {@code OutboxCollections}.
 */
public final class ErasureConfirmations {

    public static final String COLLECTION = "erasures";

    private final MongoTemplate mongo;
    private final String service;
    private final Clock clock;

    public ErasureConfirmations(MongoTemplate mongo, String service, Clock clock) {
        this.mongo = mongo;
        this.service = service;
        this.clock = clock;
    }

    /**
     * Records that this service forgot the member, and publishes the confirmation (once).
     *
     * @param collections the collections the erasure changed or checked, by name
     * @return whether this call confirmed it (false: it was already confirmed)
     */
    public boolean confirm(String timebankId, String memberId, List<String> collections) {
        return confirm(timebankId, memberId, collections, List.of());
    }

    /**
     * As {@link #confirm(String, String, List)}, publishing {@code alsoPublish} too from the same
     * document's outbox, after the confirmation: in the same insert, so they go out with it, once, or
     * not at all (identity's {@code InvitationWithdrawn}, which replaces the member's invitation on its
     * compacted topic).
     */
    public boolean confirm(String timebankId, String memberId, List<String> collections,
                           List<? extends DomainEvent> alsoPublish) {
        Instant now = Instant.now(clock);
        ErasureConfirmed confirmed = new ErasureConfirmed(UUID.randomUUID(), now, timebankId, memberId, service,
                collections);
        List<Object> outbox = new ArrayList<>();
        outbox.add(mongo.getConverter().convertToMongoType(OutboxEntry.of(confirmed)));
        alsoPublish.forEach(event -> outbox.add(mongo.getConverter().convertToMongoType(OutboxEntry.of(event))));
        Document document = new Document("_id", id(timebankId, memberId)).append("timebankId", timebankId)
                .append("memberId", memberId).append("service", service).append("collections", List.copyOf(collections))
                .append("confirmedAt", java.util.Date.from(now))
                .append("outbox", outbox);
        try {
            mongo.insert(document, COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyConfirmed) {
            return false;
        }
    }

    /** Whether this service has confirmed the member's erasure. */
    public boolean confirmed(String timebankId, String memberId) {
        return mongo.findById(id(timebankId, memberId), Document.class, COLLECTION) != null;
    }

    /** The {@code _id} of a member's document in {@value #COLLECTION}: {@code <timebank>/<member>}. */
    public static String id(String timebankId, String memberId) {
        return timebankId + "/" + memberId;
    }
}
