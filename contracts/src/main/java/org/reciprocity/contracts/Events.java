package org.reciprocity.contracts;

import java.time.Instant;
import java.util.UUID;

/** Guards shared by the event records: an event missing its envelope fields is not an event. */
public final class Events {

    private Events() {
    }

    public static void require(UUID eventId, Instant occurredAt, String timebankId) {
        if (eventId == null) {
            throw new IllegalArgumentException("eventId is required");
        }
        if (occurredAt == null) {
            throw new IllegalArgumentException("occurredAt is required");
        }
        requireText(timebankId, "timebankId");
    }

    public static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
