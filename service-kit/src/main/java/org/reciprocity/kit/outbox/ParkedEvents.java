package org.reciprocity.kit.outbox;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The {@code parked_events} collection: events the broker refused for good, one document each,
 * keyed by the event id so parking the same event again (a crash between parking it and emptying
 * its outbox, two instances publishing one outbox) changes nothing. Few documents, rarely written:
 * its queries scan, which costs nothing at that size.
 */
public class ParkedEvents {

    public static final String COLLECTION = "parked_events";

    private final MongoTemplate mongo;

    public ParkedEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the event; true if it was not parked before (so a person is told once). */
    boolean park(ParkedEvent event) {
        Update update = new Update();
        update.setOnInsert("type", event.type());
        update.setOnInsert("topic", event.topic());
        update.setOnInsert("key", event.key());
        update.setOnInsert("timebankId", event.timebankId());
        update.setOnInsert("collection", event.collection());
        update.setOnInsert("documentId", event.documentId());
        update.setOnInsert("payload", event.payload());
        update.setOnInsert("payloadBytes", event.payloadBytes());
        update.setOnInsert("payloadStart", event.payloadStart());
        update.setOnInsert("error", event.error());
        update.setOnInsert("parkedAt", Date.from(event.parkedAt()));
        return mongo.upsert(Query.query(Criteria.where("_id").is(event.eventId())), update, COLLECTION)
                .getUpsertedId() != null;
    }

    /** How many are parked, and when the oldest and the newest were. */
    public Summary summary() {
        long count = mongo.count(new Query(), COLLECTION);
        return new Summary(count, count == 0 ? Optional.empty() : parkedAt(Sort.Direction.ASC),
                count == 0 ? Optional.empty() : parkedAt(Sort.Direction.DESC));
    }

    /** How many a timebank has parked. */
    public long countOf(String timebankId) {
        return mongo.count(Query.query(Criteria.where("timebankId").is(timebankId)), COLLECTION);
    }

    /** A timebank's parked events, oldest first, at most {@code limit}; without their payloads. */
    public List<ParkedEvent> of(String timebankId, int limit) {
        Query query = Query.query(Criteria.where("timebankId").is(timebankId))
                .with(Sort.by(Sort.Direction.ASC, "parkedAt")).limit(limit);
        query.fields().exclude("payload");
        return mongo.find(query, Document.class, COLLECTION).stream().map(ParkedEvents::parked).toList();
    }

    /** One parked event, payload included, or empty. */
    public Optional<ParkedEvent> byId(String eventId) {
        return Optional.ofNullable(mongo.findById(eventId, Document.class, COLLECTION)).map(ParkedEvents::parked);
    }

    private Optional<Instant> parkedAt(Sort.Direction direction) {
        Query query = new Query().with(Sort.by(direction, "parkedAt")).limit(1);
        query.fields().include("parkedAt");
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION))
                .map(found -> found.getDate("parkedAt").toInstant());
    }

    private static ParkedEvent parked(Document d) {
        Number bytes = d.get("payloadBytes", Number.class);
        Date at = d.getDate("parkedAt");
        return new ParkedEvent(String.valueOf(d.get("_id")), d.getString("type"), d.getString("topic"), d.getString("key"),
                d.getString("timebankId"), d.getString("collection"), d.getString("documentId"), d.getString("payload"),
                bytes == null ? 0 : bytes.longValue(), d.getString("payloadStart"), d.getString("error"),
                at == null ? null : at.toInstant());
    }

    /** What the health component shows. */
    public record Summary(long count, Optional<Instant> oldest, Optional<Instant> newest) {
    }
}
