package org.reciprocity.ledger.record;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.consent.Consent;
import org.reciprocity.contracts.consent.ConsentWithdrawn;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Issue 18: a withdrawn SHARE_CONTRIBUTION_RECORD withdraws the records the member already shared.
 * Heard from the personal-data topic, like every other service, rather than done beside the
 * consent's write: the event is written with the consent, so a crash between the two still reaches
 * the records when the event is (re)delivered. Once per event.
 */
@Component
class RecordSharingConsent {

    private static final String CONSUMER = "ledger.record-consents";

    private final ContributionRecords records;
    private final ProcessedEvents processed;

    RecordSharingConsent(ContributionRecords records, ProcessedEvents processed) {
        this.records = records;
        this.processed = processed;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.PERSONAL_DATA_TOPIC)
    void onPersonalData(DomainEvent event) {
        if (event instanceof ConsentWithdrawn withdrawn && withdrawn.consent() == Consent.SHARE_CONTRIBUTION_RECORD) {
            processed.applyOnce(CONSUMER, event, () -> records.revokeAllIssuedBy(withdrawn.timebankId(),
                    withdrawn.memberId(), withdrawn.occurredAt()));
        }
    }
}
