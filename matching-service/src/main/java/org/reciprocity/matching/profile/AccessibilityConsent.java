package org.reciprocity.matching.profile;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.consent.Consent;
import org.reciprocity.contracts.consent.ConsentGiven;
import org.reciprocity.contracts.consent.ConsentWithdrawn;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Issue 18: matching hears the member's consent SHOW_ACCESSIBILITY_TO_MATCHES on the personal-data
 * topic and shows their accessibility needs to other members only while it is given. Once per event
 * (ProcessedEvents), newest version wins (Profiles#showAccessibility); other consents are not matching's.
 */
@Component
class AccessibilityConsent {

    private static final String CONSUMER = "matching.consents";

    private final Profiles profiles;
    private final ProcessedEvents processed;

    AccessibilityConsent(Profiles profiles, ProcessedEvents processed) {
        this.profiles = profiles;
        this.processed = processed;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.PERSONAL_DATA_TOPIC)
    void onPersonalData(DomainEvent event) {
        if (event instanceof ConsentGiven given && given.consent() == Consent.SHOW_ACCESSIBILITY_TO_MATCHES) {
            processed.applyOnce(CONSUMER, event, () -> profiles.showAccessibility(given.timebankId(), given.memberId(),
                    true, given.version()));
        } else if (event instanceof ConsentWithdrawn withdrawn
                && withdrawn.consent() == Consent.SHOW_ACCESSIBILITY_TO_MATCHES) {
            processed.applyOnce(CONSUMER, event, () -> profiles.showAccessibility(withdrawn.timebankId(),
                    withdrawn.memberId(), false, withdrawn.version()));
        }
    }
}
