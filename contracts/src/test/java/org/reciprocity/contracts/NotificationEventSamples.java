package org.reciprocity.contracts;

import java.util.List;

/** Samples of notification-service's events (see {@link EventSamples}). */
final class NotificationEventSamples {

    private NotificationEventSamples() {
    }

    static List<DomainEvent> all() {
        return List.of();
    }
}
