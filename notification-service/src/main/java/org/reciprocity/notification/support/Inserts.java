package org.reciprocity.notification.support;

import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Idempotent batch inserts: documents keyed by a natural unique id, some of which may already exist. */
public final class Inserts {

    private Inserts() {
    }

    /**
     * Inserts the documents in one round trip; when some exist already (a redelivered batch), falls
     * back to one insert each and skips the duplicates. Other failures propagate.
     *
     * @return how many were new
     */
    public static <T> int ignoringDuplicates(MongoTemplate mongo, List<T> documents, Class<T> type) {
        if (documents.isEmpty()) {
            return 0;
        }
        try {
            mongo.insert(documents, type);
            return documents.size();
        } catch (DataIntegrityViolationException | BulkOperationException someExist) {
            int inserted = 0;
            for (T document : documents) {
                try {
                    mongo.insert(document);
                    inserted++;
                } catch (DataIntegrityViolationException duplicate) {
                    // already delivered: at most once
                }
            }
            return inserted;
        }
    }
}
