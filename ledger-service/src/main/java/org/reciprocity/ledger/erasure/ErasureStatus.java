package org.reciprocity.ledger.erasure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.erasure.ErasureConfirmed;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Which services confirmed that they forgot an erased member ({@code erasure_status}, one document
 * per member, {@code _id} = member id): heard from every service's {@link ErasureConfirmed}, the
 * ledger's own included. Each confirmation sets its service's entry ({@code services.<name>}), so
 * hearing one twice, or in any order, ends the same. The admin's page reads it with the member's
 * document: every service that holds personal data is listed, those not heard from yet as waiting.
 */
@Component
public class ErasureStatus {

    static final String COLLECTION = "erasure_status";
    static final String CONSUMER = "ledger.erasure-status";

    private final MongoTemplate mongo;
    private final ProcessedEvents processed;

    ErasureStatus(MongoTemplate mongo, ProcessedEvents processed) {
        this.mongo = mongo;
        this.processed = processed;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.ERASURE_CONFIRMATIONS_TOPIC)
    void on(DomainEvent event) {
        if (event instanceof ErasureConfirmed confirmed) {
            processed.applyOnce(CONSUMER, event, () -> record(confirmed));
        }
    }

    /** Records one service's confirmation; repeatable (the same values set again). */
    void record(ErasureConfirmed confirmed) {
        mongo.upsert(Query.query(Criteria.where("_id").is(confirmed.memberId())),
                new Update().set("timebankId", confirmed.timebankId())
                        .set("services." + confirmed.service(), new Document("confirmedAt", Date.from(confirmed.occurredAt()))
                                .append("collections", confirmed.collections())), COLLECTION);
    }

    /** One service's part: {@code confirmedAt} null while the ledger waits for it. */
    public record Service(String service, Instant confirmedAt, List<String> collections) {
    }

    /** A member's erasure as the admin follows it; {@code done} once every service confirmed. */
    public record View(String memberId, Instant requestedAt, Instant erasedAt, String erasedBy, List<Service> services,
                       boolean done) {
    }

    /** The status of this member, from their document (asked, erased, by whom) and the confirmations heard. */
    View of(String timebankId, Document member) {
        String memberId = member.getString("_id");
        Document stored = mongo.findById(memberId, Document.class, COLLECTION);
        Document heard = stored == null || !timebankId.equals(stored.getString("timebankId")) ? new Document()
                : stored.get("services", new Document());
        List<Service> services = new ArrayList<>();
        for (String service : Topics.HOLDERS_OF_PERSONAL_DATA) {
            Document confirmed = heard.get(service, Document.class);
            services.add(confirmed == null ? new Service(service, null, List.of())
                    : new Service(service, instant(confirmed.get("confirmedAt")),
                    confirmed.getList("collections", String.class, List.of())));
        }
        return new View(memberId, instant(member.get("erasureRequestedAt")), instant(member.get("erasedAt")),
                member.getString("erasedBy"), services, services.stream().allMatch(s -> s.confirmedAt() != null));
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : value instanceof Instant i ? i : null;
    }
}
