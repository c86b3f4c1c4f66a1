package org.reciprocity.ledger.match;

import org.bson.Document;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.match.MatchAgreed;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Remembers matching's agreed matches, so the two matched members can log a contribution naming
 * the match (and nobody else can).
 */
@Component
class AgreedMatches {

    static final String CONSUMER = "ledger.matches";

    private final MongoTemplate mongo;
    private final ProcessedEvents processed;

    AgreedMatches(MongoTemplate mongo, ProcessedEvents processed) {
        this.mongo = mongo;
        this.processed = processed;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MATCHES_TOPIC)
    void on(DomainEvent event) {
        if (event instanceof MatchAgreed agreed) {
            // save() replaces by match id: applying the same agreement twice changes nothing
            processed.applyOnce(CONSUMER, event, () -> mongo.save(new Document("_id", agreed.matchId())
                    .append("timebankId", agreed.timebankId()).append("giverId", agreed.giverId())
                    .append("receiverId", agreed.receiverId()).append("agreedAt", java.util.Date.from(agreed.occurredAt())),
                    "agreed_matches"));
        }
    }
}
