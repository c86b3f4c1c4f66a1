package org.reciprocity.notification.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.bson.Document;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.kit.messaging.EventPublisher;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

/**
 * The kit's outbox relay, for many documents at once: sends every pending event of the documents
 * without waiting for each, waits for all acknowledgements, then removes them in one update. A
 * batch of 500 inbox items costs one read, one wait and one write instead of 500 of each. Whatever
 * fails here stays in the outboxes for the kit's periodic sweep.
 *
 * <p>{@link #flushLater} does it on one background thread, so the Kafka listener that wrote the
 * documents goes on to the next batch at once: publishing the audit events is not on the path from
 * an event to an inbox item, and an event is never lost by it (the document holds it until sent).
 */
@Component
public class OutboxBatch {

    private static final Logger log = LoggerFactory.getLogger(OutboxBatch.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;

    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-batch");
        thread.setDaemon(true);
        return thread;
    });

    OutboxBatch(MongoTemplate mongo, EventPublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    /**
     * For documents this instance has just inserted, each with {@code events} as its whole outbox:
     * publishes the events soon, off the caller's thread, straight from memory (no read back, no
     * JSON round trip), then empties those outboxes in one unordered bulk of {@code $set} updates by
     * {@code _id}. Only for collections whose documents get no
     * outbox entry after their insert, so emptying the outbox removes exactly what was published.
     *
     * @param ids    the documents, in the order they were written
     * @param events their events, one per document, in the same order
     */
    public void publishInsertedLater(String collection, List<String> ids, List<? extends DomainEvent> events) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> documents = List.copyOf(ids);
        List<DomainEvent> pending = List.copyOf(events);
        background.execute(() -> publishInserted(collection, documents, pending));
    }

    void publishInserted(String collection, List<String> ids, List<DomainEvent> events) {
        try {
            List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
            for (DomainEvent event : events) {
                sends.add(publisher.publish(event));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            // one update per document by _id (a direct lookup), in one round trip: an `_id $in` filter
            // would make mongo-java-server compare every document with every id of the list
            List<UpdateOneModel<Document>> empty = new ArrayList<>(ids.size());
            for (String id : ids) {
                empty.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.set("outbox", List.of())));
            }
            mongo.getCollection(collection).bulkWrite(empty, new BulkWriteOptions().ordered(false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("outboxes of {} documents in {} not published yet, the sweep will retry: {}", ids.size(),
                    collection, e.getMessage());
        }
    }

    /** Publishes the outboxes of these documents soon, in the order asked, off the caller's thread. */
    public void flushLater(String collection, Collection<String> ids) {
        List<String> copy = List.copyOf(ids);
        background.execute(() -> flush(collection, copy));
    }

    @PreDestroy
    void stop() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }

    public void flush(String collection, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            Query byIds = Query.query(Criteria.where("_id").in(ids));
            byIds.fields().include("outbox");
            List<CompletableFuture<?>> sends = new ArrayList<>();
            List<String> published = new ArrayList<>();
            for (Document document : mongo.find(byIds, Document.class, collection)) {
                for (Document entry : document.getList("outbox", Document.class, List.of())) {
                    OutboxEntry pending = new OutboxEntry(entry.getString("eventId"), entry.getString("type"),
                            entry.getString("payload"), null);
                    sends.add(publisher.publish(pending.toEvent()));
                    published.add(pending.eventId());
                }
            }
            if (published.isEmpty()) {
                return;
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)),
                    new Update().pull("outbox", Query.query(Criteria.where("eventId").in(published))), collection);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("outboxes of {} documents in {} not published yet, the sweep will retry: {}", ids.size(),
                    collection, e.getMessage());
        }
    }
}
