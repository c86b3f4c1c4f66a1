package org.reciprocity.kit.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
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
        Instant now = Instant.now(clock);
        ErasureConfirmed confirmed = new ErasureConfirmed(UUID.randomUUID(), now, timebankId, memberId, service,
                collections);
        Document document = new Document("_id", id(timebankId, memberId)).append("timebankId", timebankId)
                .append("memberId", memberId).append("service", service).append("collections", List.copyOf(collections))
                .append("confirmedAt", java.util.Date.from(now))
                .append("outbox", List.of(mongo.getConverter().convertToMongoType(OutboxEntry.of(confirmed))));
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

    private static String id(String timebankId, String memberId) {
        return timebankId + "/" + memberId;
    }
}
