package org.reciprocity.kit.outbox;

import java.time.Instant;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.EventTypes;
import org.reciprocity.contracts.kafka.EventJson;

/**
 * An event waiting, inside the document whose change it describes, to be published. Writing the
 * change and its event in one document is what makes them atomic without multi-document
 * transactions; the relay publishes it and then removes it.
 */
public record OutboxEntry(String eventId, String type, String payload, Instant occurredAt) {

    public static OutboxEntry of(DomainEvent event) {
        return new OutboxEntry(event.eventId().toString(), EventTypes.of(event).name(),
                EventJson.mapper().writeValueAsString(event), event.occurredAt());
    }

    public DomainEvent toEvent() {
        Class<? extends DomainEvent> javaType = EventTypes.named(type)
                .orElseThrow(() -> new IllegalStateException("outbox holds an unknown event type " + type))
                .javaType();
        return EventJson.mapper().readValue(payload, javaType);
    }
}
