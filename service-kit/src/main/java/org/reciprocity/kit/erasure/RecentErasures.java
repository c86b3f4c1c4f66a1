package org.reciprocity.kit.erasure;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.BiFunction;

import org.bson.Document;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.springframework.core.log.LogAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Appends again, to a compacted topic, a record of each erasure of the last {@link #RECENT 2 days}, so
 * that compaction cleans the member's older records. Why: the broker compacts only closed segments, a
 * segment is closed only by an append after its {@code segment.ms}, and a key only in the open segment
 * is not in the cleaner's map; in a quiet timebank nothing else may be written, so the segment holding
 * the member's older records (their name, their e-mail) would stay open and uncleaned
 * (docs/personal-data.md 2.3, "The compaction window"). Used by the ledger's details sweep and
 * identity's invitation sweep, each with its own collection and record.
 *
 * <p>Through the erased document's own outbox (a conditional {@code $push}: only onto a document that is
 * still a recent erasure when written), so a broker away delays it and loses nothing. The record says
 * nothing new to readers, so two instances sweeping in the same hour only append one more harmless record.
 *
 * @param collection the erased documents, each with an {@code outbox}
 * @param erasedAt   the field holding when the erasure happened (a date)
 * @param still      what must still hold of a document when the record is pushed (its status), or null
 * @param record     the record to append for one erased document (read with its {@code _id} and
 *                   {@code fields}), at this moment
 * @param fields     the fields {@code record} reads
 */
public record RecentErasures(String collection, String erasedAt, Criteria still,
                             BiFunction<Document, Instant, DomainEvent> record, String... fields) {

    /** How long after an erasure its record is appended again: well past the 24 h compaction lag. */
    public static final Duration RECENT = Duration.ofDays(2);
    private static final LogAccessor LOG = new LogAccessor(RecentErasures.class);

    /** Appends the record of every erasure of the last two days again; how many. */
    public int appendAgain(MongoTemplate mongo, OutboxRelay relay, Instant now) {
        Date since = Date.from(now.minus(RECENT));
        Query recent = Query.query(recentSince(since));
        recent.fields().include(fields);
        int appended = 0;
        for (Document erased : mongo.find(recent, Document.class, collection)) {
            if (Thread.currentThread().isInterrupted()) {
                break; // shutting down: the next run appends the rest
            }
            try {
                if (appendAgain(mongo, relay, erased, since, now)) {
                    appended++;
                }
            } catch (RuntimeException failed) {
                // one document must not keep the others' records from rolling the segment
                LOG.warn(failed, () -> collection + " " + erased.get("_id") + ": erasure record not appended again now");
            }
        }
        return appended;
    }

    private boolean appendAgain(MongoTemplate mongo, OutboxRelay relay, Document erased, Date since, Instant now) {
        Object id = erased.get("_id");
        var written = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).andOperator(recentSince(since))),
                new Update().push("outbox", OutboxEntry.of(record.apply(erased, now))), collection);
        if (written.getMatchedCount() == 0) {
            return false; // no longer a recent erasure: nothing appended for it
        }
        relay.flush(collection, id.toString());
        return true;
    }

    private Criteria recentSince(Date since) {
        Criteria recent = Criteria.where(erasedAt).gte(since);
        return still == null ? recent : new Criteria().andOperator(still, recent);
    }
}
