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
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
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

    /**
     * A lease taken: its {@code epoch} counts the takes of that lease, so a holding is told apart from
     * this holder's earlier ones; {@code handedOverDrained} says the previous holder gave it back with
     * all it wrote published (see {@link #giveBack}). When it did not (its lease ran out during a
     * pause, it died, or its events were still on their way), something it wrote may still wait in
     * an outbox, and must go out before anything the new holder writes.
     */
    record Taken(long epoch, boolean handedOverDrained) {
    }

    /** Takes the lease if nobody holds it at {@code now}; null if somebody does. */
    Taken take(String name, Instant now, Duration length) {
        try {
            // a lease held by anyone does not match, and the upsert then fails on its _id
            Document before = collection.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", name), Filters.lte("lockUntil", Date.from(now))),
                    Updates.combine(Updates.set("lockUntil", Date.from(now.plus(length))),
                            Updates.set("lockedAt", Date.from(now)), Updates.set("lockedBy", holder),
                            Updates.set("drained", false), Updates.inc("epoch", 1L)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
            if (before == null) {
                return new Taken(1, false); // the first holder: what older versions left is looked for too
            }
            return new Taken(epochOf(before) + 1, before.getBoolean("drained", false));
        } catch (MongoServerException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Whether this holder still holds the lease it took at {@code epoch}, as the database says: asked
     * before each batch of events goes out, so a holder that lost its lease stops publishing.
     */
    boolean holds(String name, long epoch, Instant now) {
        Document lease = collection.find(Filters.eq("_id", name)).first();
        if (lease == null || !holder.equals(lease.getString("lockedBy")) || epochOf(lease) != epoch) {
            return false;
        }
        Date until = lease.getDate("lockUntil");
        return until != null && until.toInstant().isAfter(now);
    }

    private static long epochOf(Document lease) {
        return lease.get("epoch") instanceof Number n ? n.longValue() : 0L;
    }

    /** Extends the lease if this holder still holds it at {@code now}. */
    boolean renew(String name, Instant now, Duration length) {
        return collection.updateOne(
                Filters.and(Filters.eq("_id", name), Filters.eq("lockedBy", holder),
                        Filters.gt("lockUntil", Date.from(now))),
                Updates.set("lockUntil", Date.from(now.plus(length)))).getMatchedCount() == 1;
    }

    /**
     * Ends the lease now if this holder holds it; a lease taken over by another is left alone.
     * {@code drained}: everything this holder wrote under it is published (else the next holder
     * publishes what is left before its own events).
     */
    void giveBack(String name, Instant now, boolean drained) {
        collection.updateOne(
                Filters.and(Filters.eq("_id", name), Filters.eq("lockedBy", holder),
                        Filters.gt("lockUntil", Date.from(now))),
                Updates.combine(Updates.set("lockUntil", Date.from(now)), Updates.set("drained", drained)));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
