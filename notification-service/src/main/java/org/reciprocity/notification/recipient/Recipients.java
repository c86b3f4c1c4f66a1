package org.reciprocity.notification.recipient;

import java.util.Optional;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;

/** Keeps the people notifications can reach in step with the ledger's member events. */
@Service
public class Recipients {

    private static final String CONSUMER = "notification.recipients";

    private final MongoTemplate mongo;
    private final ProcessedEvents processed;

    Recipients(MongoTemplate mongo, ProcessedEvents processed) {
        this.mongo = mongo;
        this.processed = processed;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MEMBERS_TOPIC)
    void on(DomainEvent event) {
        if (event instanceof MemberRegistered registered) {
            processed.applyOnce(CONSUMER, event, () -> mongo.save(RecipientDocument.of(Recipient.from(registered))));
        }
    }

    public Optional<Recipient> find(String timebankId, String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, RecipientDocument.class))
                .filter(r -> r.timebankId().equals(timebankId))
                .map(RecipientDocument::toRecipient);
    }
}
