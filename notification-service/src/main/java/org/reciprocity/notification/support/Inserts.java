package org.reciprocity.notification.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;

/** Idempotent batch inserts: documents keyed by a natural unique id, some of which may already exist. */
public final class Inserts {

    /** MongoDB's duplicate key error. */
    private static final int DUPLICATE_KEY = 11000;

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

    /**
     * Inserts already-mapped documents in one unordered round trip: every document whose key is new
     * is written even when others of the batch exist already (a redelivered batch), without a second
     * pass. Any failure other than a duplicate key propagates.
     *
     * @return the positions, in {@code documents}, of those that were new
     */
    public static List<Integer> newOnly(MongoCollection<Document> collection, List<Document> documents) {
        List<Integer> inserted = new ArrayList<>(documents.size());
        if (documents.isEmpty()) {
            return inserted;
        }
        Set<Integer> existing = new HashSet<>();
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException someExist) {
            for (BulkWriteError error : someExist.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw someExist;
                }
                existing.add(error.getIndex());
            }
            if (someExist.getWriteConcernError() != null) {
                throw someExist;
            }
        }
        for (int i = 0; i < documents.size(); i++) {
            if (!existing.contains(i)) {
                inserted.add(i);
            }
        }
        return inserted;
    }
}
