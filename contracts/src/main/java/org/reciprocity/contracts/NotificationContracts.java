package org.reciprocity.contracts;

import static org.reciprocity.contracts.Topics.NOTIFICATION;

import java.time.Duration;
import java.util.List;

/** The topics notification-service publishes and the event types on them. */
public final class NotificationContracts {

    public static final Topic NOTIFICATIONS = new Topic(Topics.NOTIFICATIONS_TOPIC, "recipientId", 3,
            Duration.ofDays(90), NOTIFICATION, "The audit trail of deliveries: delivered or failed, per recipient.");

    static final List<Topic> TOPICS = List.of(NOTIFICATIONS);

    static final List<EventType> TYPES = List.of();

    private NotificationContracts() {
    }
}
