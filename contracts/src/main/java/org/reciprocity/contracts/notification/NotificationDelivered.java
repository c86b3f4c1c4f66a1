package org.reciprocity.contracts.notification;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A message reached a member on one channel: for the audit trail, and for live sessions to show a
 * new inbox item. No contact details travel here, only opaque ids.
 *
 * @param recipientId   the member the message was for (the subject and Kafka key)
 * @param deliveryId    the delivery log's key: source event, recipient and channel; an inbox item has this id
 * @param channel       {@code INBOX}, {@code EMAIL} (later {@code SMS})
 * @param messageKind   what the message was about ({@code PLEASE_CONFIRM}, {@code THANK_YOU}...)
 * @param sourceEventId the event that caused the message
 * @param attempts      how many tries it took, from 1
 */
public record NotificationDelivered(UUID eventId, Instant occurredAt, String timebankId, String recipientId,
                                    String deliveryId, String channel, String messageKind, String sourceEventId,
                                    int attempts) implements DomainEvent {

    public NotificationDelivered {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(recipientId, "recipientId");
        Events.requireText(deliveryId, "deliveryId");
        Events.requireText(channel, "channel");
    }

    @Override
    public String subject() {
        return recipientId;
    }
}
