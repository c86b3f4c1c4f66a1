package org.reciprocity.notification.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
 */
@Component
public class OutboxBatch {

    private static final Logger log = LoggerFactory.getLogger(OutboxBatch.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;

    OutboxBatch(MongoTemplate mongo, EventPublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
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
