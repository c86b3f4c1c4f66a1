package org.reciprocity.ledger.consent;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.consent.Consent;
import org.reciprocity.contracts.consent.ConsentHow;
import org.reciprocity.contracts.notification.EmailUnsubscribed;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.ledger.book.LedgerRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Issue 18: a member who used the one-click unsubscribe link of an e-mail withdrew their consent
 * EMAIL_ME. Notification stops the e-mails at once and tells the ledger; the ledger writes it in the
 * member's consent history, when the member clicked and how ({@link ConsentHow#UNSUBSCRIBE_LINK}),
 * through the same {@link Consents#record} as their consents page, so the member sees it there and
 * every service hears the {@code ConsentWithdrawn}. Once per event; already withdrawn records nothing, and
 * neither does a click heard after the member answered again on their page.
 */
@Component
class UnsubscribeLinks {

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeLinks.class);
    private static final String CONSUMER = "ledger.unsubscribe-links";

    private final Consents consents;
    private final ProcessedEvents processed;

    UnsubscribeLinks(Consents consents, ProcessedEvents processed) {
        this.consents = consents;
        this.processed = processed;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.NOTIFICATIONS_TOPIC)
    void onNotification(DomainEvent event) {
        if (event instanceof EmailUnsubscribed unsubscribed) {
            processed.applyOnce(CONSUMER, event, () -> withdraw(unsubscribed));
        }
    }

    private void withdraw(EmailUnsubscribed unsubscribed) {
        try {
            boolean answeredSince = consents.of(unsubscribed.timebankId(), unsubscribed.recipientId())
                    .current(Consent.EMAIL_ME).map(c -> c.at().isAfter(unsubscribed.occurredAt())).orElse(false);
            if (answeredSince) {
                return; // heard late (a broker away): the member answered again on their page after clicking
            }
            consents.record(unsubscribed.timebankId(), unsubscribed.recipientId(), Consent.EMAIL_ME, false,
                    ConsentHow.UNSUBSCRIBE_LINK, unsubscribed.recipientId(), unsubscribed.occurredAt());
        } catch (ApiException refused) {
            if (refused.refusal().reason() != LedgerRefusal.NO_MEMBER) {
                throw refused;
            }
            // a member the ledger does not know in that timebank: nothing to write down (notification already stopped the e-mails)
            log.warn("unsubscribe of a member the ledger does not know: {} in {}", unsubscribed.recipientId(),
                    unsubscribed.timebankId());
        }
    }
}
