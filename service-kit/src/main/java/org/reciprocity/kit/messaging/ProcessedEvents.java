package org.reciprocity.kit.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

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
        String key = key(consumer, event.eventId());
        if (mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(key)), Processed.class)) {
            return false;
        }
        handler.run();
        try {
            mongo.insert(new Processed(key, consumer, event.eventId().toString(), Instant.now(clock)));
        } catch (DuplicateKeyException concurrentlyApplied) {
            // Another instance applied it at the same moment; the handler is safe to have run twice.
        }
        return true;
    }

    private static String key(String consumer, UUID eventId) {
        return consumer + ":" + eventId;
    }

    @Document("processed_events")
    record Processed(@Id String id, String consumer, String eventId, Instant processedAt) {
    }
}
