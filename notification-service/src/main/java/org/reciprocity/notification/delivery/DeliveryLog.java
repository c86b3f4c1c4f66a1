package org.reciprocity.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.notification.support.Inserts;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The outbound delivery log in MongoDB. Every change is conditional on the status it starts from,
 * so two instances can never both claim, or both finish, the same delivery; an outcome's audit
 * event is written in the same document update, then published by the outbox relay.
 */
@Repository
public class DeliveryLog {

    static final String COLLECTION = "deliveries";
    private static final List<String> WAITING = List.of(DeliveryStatus.PENDING.name(), DeliveryStatus.RETRYING.name(),
            DeliveryStatus.HELD.name());

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    DeliveryLog(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Adds deliveries not yet in the log; ones already there (a redelivered event) are left as they are. */
    public void addNew(List<Delivery> deliveries) {
        Inserts.ignoringDuplicates(mongo, deliveries.stream().map(DeliveryDocument::of).toList(), DeliveryDocument.class);
    }

    /** Deliveries whose time has come, oldest first. */
    List<Delivery> due(Instant now, int limit) {
        Query query = Query.query(Criteria.where("status").in(WAITING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt")).limit(limit);
        return mongo.find(query, DeliveryDocument.class).stream().map(DeliveryDocument::toDelivery).toList();
    }

    List<Delivery> sendingSince(Instant before) {
        Query query = Query.query(Criteria.where("status").is(DeliveryStatus.SENDING.name()).and("claimedAt").lt(before));
        return mongo.find(query, DeliveryDocument.class).stream().map(DeliveryDocument::toDelivery).toList();
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DeliveryDocument.class)).map(DeliveryDocument::toDelivery);
    }

    public List<Delivery> inTimebank(String timebankId, DeliveryStatus status, int limit) {
        Criteria criteria = Criteria.where("timebankId").is(timebankId);
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "occurredAt")).limit(limit),
                DeliveryDocument.class).stream().map(DeliveryDocument::toDelivery).toList();
    }

    /** Moves {@code from} to {@code to} if nobody moved it first; true when this call did. */
    boolean move(Delivery from, Delivery to) {
        return move(from, new Delivery.Outcome(to, null));
    }

    boolean move(Delivery from, Delivery.Outcome outcome) {
        Delivery to = outcome.delivery();
        Update update = new Update().set("status", to.status().name()).set("attempts", to.attempts())
                .set("nextAttemptAt", to.nextAttemptAt()).set("claimedAt", to.claimedAt())
                .set("lastError", to.lastError()).set("sentAt", to.sentAt());
        if (outcome.event() != null) {
            update.push("outbox", OutboxEntry.of(outcome.event()));
        }
        boolean moved = mongo.updateFirst(Query.query(Criteria.where("_id").is(from.id()).and("status")
                .is(from.status().name())), update, DeliveryDocument.class).getModifiedCount() == 1;
        if (moved && outcome.event() != null) {
            relay.flush(COLLECTION, from.id());
        }
        return moved;
    }
}
