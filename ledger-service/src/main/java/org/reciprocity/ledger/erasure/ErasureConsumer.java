package org.reciprocity.ledger.erasure;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.member.MemberErased;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The ledger's own erasure, heard like every other service's: from {@link MemberErased} on the
 * members topic, once per event. The register entry was forgotten when the event was written
 * ({@link MemberErasure}); the rest is {@link LedgerErasureSteps}, repeatable, confirmed last.
 */
@Component
class ErasureConsumer {

    static final String CONSUMER = "ledger.erasure";

    private final LedgerErasureSteps steps;
    private final ProcessedEvents processed;

    ErasureConsumer(LedgerErasureSteps steps, ProcessedEvents processed) {
        this.steps = steps;
        this.processed = processed;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MEMBERS_TOPIC)
    void on(DomainEvent event) {
        if (event instanceof MemberErased erased) {
            processed.applyOnce(CONSUMER, event, () -> steps.eraseAll(erased.timebankId(), erased.memberId()));
        }
    }
}
