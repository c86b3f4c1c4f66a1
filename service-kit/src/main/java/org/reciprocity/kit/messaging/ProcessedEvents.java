package org.reciprocity.kit.messaging;

import java.time.Clock;
import java.time.Instant;

import org.reciprocity.contracts.DomainEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The consumer side of at-least-once delivery: remembers which event ids a consumer has applied,
 * so a redelivered event changes nothing. Kafka redelivers after a crash between applying an event
 * and committing its offset; the handler must itself be safe to re-run for that window (upserts,
 * conditional updates), and this record makes the common case (a plain duplicate) a no-op.
 */
public class ProcessedEvents {

    private final MongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Runs {@code handler} unless {@code consumer} has already applied this event; true if it ran. */
    public boolean applyOnce(String consumer, DomainEvent event, Runnable handler) {
        return applyOnce(consumer, event.eventId().toString(), handler);
    }

    /**
     * Runs {@code handler} unless {@code consumer} has already done the work named {@code what} (an
     * event id, or a period of scheduled work); true if it ran. Recorded once the handler returned.
     */
    public boolean applyOnce(String consumer, String what, Runnable handler) {
        String key = consumer + ":" + what;
        if (mongo.exists(Query.query(Criteria.where("_id").is(key)), Processed.class)) {
            return false;
        }
        handler.run();
        try {
            mongo.insert(new Processed(key, consumer, what, Instant.now(clock)));
        } catch (DuplicateKeyException concurrentlyApplied) {
            // Another instance applied it at the same moment; the handler is safe to have run twice.
        }
        return true;
    }

    @Document("processed_events")
    record Processed(@Id String id, String consumer, String eventId, Instant processedAt) {
    }
}
