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
import org.reciprocity.kit.messaging.EventPublisher;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

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
