package org.reciprocity.contracts;

import static org.reciprocity.contracts.Topics.NOTIFICATION;

import java.time.Duration;
import java.util.List;

import org.reciprocity.contracts.notification.EmailUnsubscribed;
import org.reciprocity.contracts.notification.NotificationDelivered;
import org.reciprocity.contracts.notification.NotificationFailed;

/** The topics notification-service publishes and the event types on them. */
public final class NotificationContracts {

    public static final Topic NOTIFICATIONS = new Topic(Topics.NOTIFICATIONS_TOPIC, "recipientId", 3,
            Duration.ofDays(90), NOTIFICATION, "The audit trail of deliveries: delivered or failed, per recipient; and a member's one-click unsubscribe, "
            + "which the ledger records as their consent EMAIL_ME withdrawn.");

    static final List<Topic> TOPICS = List.of(NOTIFICATIONS);

    static final List<EventType> TYPES = List.of(
            new EventType("reciprocity.NotificationDelivered.v1", NotificationDelivered.class, NOTIFICATIONS),
            new EventType("reciprocity.NotificationFailed.v1", NotificationFailed.class, NOTIFICATIONS),
            new EventType("reciprocity.EmailUnsubscribed.v1", EmailUnsubscribed.class, NOTIFICATIONS));

    private NotificationContracts() {
    }
}
