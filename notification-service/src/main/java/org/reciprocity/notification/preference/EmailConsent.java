package org.reciprocity.notification.preference;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.consent.Consent;
import org.reciprocity.contracts.consent.ConsentGiven;
import org.reciprocity.contracts.consent.ConsentWithdrawn;
import org.reciprocity.kit.messaging.NewerVersion;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Issue 18: notification hears the member's consent EMAIL_ME on the personal-data topic. While it is
 * withdrawn no e-mail goes to them, whatever their channel choices say (the inbox stays); see
 * {@link PreferenceStore#emailWithdrawn}. Kept apart from the preferences document, which the
 * preferences page saves whole: a consent heard meanwhile is never overwritten by an older page.
 * Once per event, and the newest version of the member's consent history wins.
 */
@Component
class EmailConsent {

    static final String COLLECTION = "email_consents";
    private static final String CONSUMER = "notification.consents";

    private final MongoTemplate mongo;
    private final ProcessedEvents processed;
    private final PreferenceStore preferences;

    EmailConsent(MongoTemplate mongo, ProcessedEvents processed, PreferenceStore preferences) {
        this.mongo = mongo;
        this.processed = processed;
        this.preferences = preferences;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.PERSONAL_DATA_TOPIC)
    void onPersonalData(DomainEvent event) {
        if (event instanceof ConsentGiven given && given.consent() == Consent.EMAIL_ME) {
            processed.applyOnce(CONSUMER, event, () -> record(given.timebankId(), given.memberId(), true, given.version()));
        } else if (event instanceof ConsentWithdrawn withdrawn && withdrawn.consent() == Consent.EMAIL_ME) {
            processed.applyOnce(CONSUMER, event, () -> record(withdrawn.timebankId(), withdrawn.memberId(), false,
                    withdrawn.version()));
        }
    }

    private void record(String timebankId, String memberId, boolean given, long version) {
        NewerVersion.apply(mongo, COLLECTION, memberId, "version", version,
                new Update().set("timebankId", timebankId).set("given", given));
        preferences.evict(memberId);
    }
}
