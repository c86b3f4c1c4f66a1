package org.reciprocity.ledger.book;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * The lease documents ({@code _id}, {@code lockUntil}, {@code lockedAt}, {@code lockedBy}, as
 * ShedLock wrote them). Each holder signs its lease with its own identity — host, process and a
 * random id per holder — and renews or gives back only a lease signed so. ShedLock's Mongo
 * provider signs with the host name alone, so two instances on one host could renew (or unlock)
 * each other's lease.
 */
final class Leases {

    private final MongoCollection<Document> collection;
    private final String holder;

    Leases(MongoCollection<Document> collection) {
        this.collection = collection;
        this.holder = host() + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID();
    }

    /** Who this holder is, as written in {@code lockedBy}. */
    String holder() {
        return holder;
    }

    /** Takes the lease if nobody holds it at {@code now}. */
    boolean take(String name, Instant now, Duration length) {
        try {
            // a lease held by anyone does not match, and the upsert then fails on its _id
            var result = collection.updateOne(
                    Filters.and(Filters.eq("_id", name), Filters.lte("lockUntil", Date.from(now))),
                    Updates.combine(Updates.set("lockUntil", Date.from(now.plus(length))),
                            Updates.set("lockedAt", Date.from(now)), Updates.set("lockedBy", holder)),
                    new UpdateOptions().upsert(true));
            return result.getMatchedCount() == 1 || result.getUpsertedId() != null;
        } catch (MongoServerException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Extends the lease if this holder still holds it at {@code now}. */
    boolean renew(String name, Instant now, Duration length) {
        return collection.updateOne(
                Filters.and(Filters.eq("_id", name), Filters.eq("lockedBy", holder),
                        Filters.gt("lockUntil", Date.from(now))),
                Updates.set("lockUntil", Date.from(now.plus(length)))).getMatchedCount() == 1;
    }

    /** Ends the lease now if this holder holds it; a lease taken over by another is left alone. */
    void giveBack(String name, Instant now) {
        collection.updateOne(
                Filters.and(Filters.eq("_id", name), Filters.eq("lockedBy", holder),
                        Filters.gt("lockUntil", Date.from(now))),
                Updates.set("lockUntil", Date.from(now)));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
