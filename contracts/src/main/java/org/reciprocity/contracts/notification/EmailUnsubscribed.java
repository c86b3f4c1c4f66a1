package org.reciprocity.contracts.notification;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A member used the one-click unsubscribe link of an e-mail (or their mail program did, RFC 8058):
 * they want no more e-mail. The ledger, which keeps consents, records their consent {@code EMAIL_ME}
 * withdrawn with how {@code UNSUBSCRIBE_LINK}, as a withdrawal on their consents page would be
 * (docs/personal-data.md 3.3). Told once per link that changed something: a second click tells no one.
 *
 * @param recipientId the member the e-mail was for (the subject and Kafka key)
 */
public record EmailUnsubscribed(UUID eventId, Instant occurredAt, String timebankId, String recipientId)
        implements DomainEvent {

    public EmailUnsubscribed {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(recipientId, "recipientId");
    }

    @Override
    public String subject() {
        return recipientId;
    }
}
