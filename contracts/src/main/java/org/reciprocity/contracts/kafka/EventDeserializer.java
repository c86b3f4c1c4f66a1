package org.reciprocity.contracts.kafka;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.EventType;
import org.reciprocity.contracts.EventTypes;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

/**
 * Reads a CloudEvents binary-mode record back into its event record, choosing the record type
 * from {@code ce_type}. A record with no or an unknown type, or data that is not a valid event,
 * fails here; wrapped in Spring's {@code ErrorHandlingDeserializer} that failure sends the record
 * to the dead-letter topic instead of stopping the consumer.
 */
public class EventDeserializer implements Deserializer<DomainEvent> {

    private final JacksonJsonDeserializer<DomainEvent> json;

    public EventDeserializer() {
        json = new JacksonJsonDeserializer<>(DomainEvent.class, EventJson.mapper(), false);
        json.setTypeFunction((data, headers) -> EventJson.mapper().constructType(typeOf(headers).javaType()));
    }

    @Override
    public DomainEvent deserialize(String topic, byte[] data) {
        throw new SerializationException("an event needs its CloudEvents headers (ce_type) to be read");
    }

    @Override
    public DomainEvent deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return json.deserialize(topic, headers, data);
        } catch (RuntimeException e) {
            throw new SerializationException("not a valid " + CloudEventHeaders.get(headers, CloudEventHeaders.TYPE)
                    + " event on " + topic + ": " + rootCause(e).getMessage(), e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static EventType typeOf(Headers headers) {
        String name = CloudEventHeaders.get(headers, CloudEventHeaders.TYPE);
        if (name == null) {
            throw new SerializationException("record has no ce_type header");
        }
        return EventTypes.named(name)
                .orElseThrow(() -> new SerializationException("unknown event type " + name));
    }
}
