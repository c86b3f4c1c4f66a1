package org.reciprocity.contracts.notification;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A message could not be delivered on one channel and will not be tried again: a coordinator may
 * need to reach the member another way.
 *
 * @param deliveryId the delivery log's key: source event, recipient and channel
 * @param reason     why, in one line (the last error of the channel)
 * @param attempts   how many tries were made
 */
public record NotificationFailed(UUID eventId, Instant occurredAt, String timebankId, String recipientId,
                                 String deliveryId, String channel, String messageKind, String sourceEventId,
                                 int attempts, String reason) implements DomainEvent {

    public NotificationFailed {
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
