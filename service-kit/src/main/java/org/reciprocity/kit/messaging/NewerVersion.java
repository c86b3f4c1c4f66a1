package org.reciprocity.kit.messaging;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Read models fed by events that carry the whole of some state and its version (a member's details):
 * the document keeps the highest version it has seen. An older event arriving late, or one delivered
 * again, changes nothing, so the model converges whatever the order and however often events come.
 * The check and the write are one conditional update of one document: no read-then-write race
 * between two consumers.
 */
public final class NewerVersion {

    private NewerVersion() {
    }

    /** The rule: an event's state replaces the stored one only when it is newer, or nothing is stored yet. */
    public static boolean wins(Long stored, long incoming) {
        return stored == null || incoming > stored;
    }

    /**
     * Applies {@code update} to the document {@code id} (creating it when absent) and records
     * {@code version} in {@code field}, only when {@link #wins} for the version stored there.
     * True when it was applied, false when the document already held this version or a newer one.
     */
    public static boolean apply(MongoTemplate mongo, String collection, String id, String field, long version,
                                Update update) {
        Query olderOrNone = Query.query(Criteria.where("_id").is(id)
                .orOperator(Criteria.where(field).exists(false), Criteria.where(field).lt(version)));
        try {
            var result = mongo.upsert(olderOrNone, update.set(field, version), collection);
            return result.getMatchedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException newerStored) {
            // the document exists and did not match: it holds this version or a newer one
            return false;
        }
    }
}
