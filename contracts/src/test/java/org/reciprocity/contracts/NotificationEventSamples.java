package org.reciprocity.contracts;

import static org.reciprocity.contracts.EventSamples.ALI;
import static org.reciprocity.contracts.EventSamples.AT;
import static org.reciprocity.contracts.EventSamples.TB;
import static org.reciprocity.contracts.EventSamples.id;

import java.util.List;

import org.reciprocity.contracts.notification.EmailUnsubscribed;
import org.reciprocity.contracts.notification.NotificationDelivered;
import org.reciprocity.contracts.notification.NotificationFailed;

/** Samples of notification-service's events (see {@link EventSamples}). */
final class NotificationEventSamples {

    private NotificationEventSamples() {
    }

    static List<DomainEvent> all() {
        String delivery = id(5) + ":" + ALI + ":EMAIL";
        return List.of(
                new NotificationDelivered(id(201), AT, TB, ALI, delivery, "EMAIL", "PLEASE_CONFIRM",
                        id(5).toString(), 1),
                new NotificationFailed(id(202), AT, TB, ALI, delivery, "EMAIL", "PLEASE_CONFIRM",
                        id(5).toString(), 8, "MailSendException: Mail server connection failed"),
                new EmailUnsubscribed(id(203), AT, TB, ALI));
    }
}
