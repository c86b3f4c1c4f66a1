package org.reciprocity.contracts.kafka;

import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.EventType;
import org.reciprocity.contracts.EventTypes;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * Writes an event as a CloudEvents binary-mode record: the JSON of the record as the value, the
 * CloudEvents attributes as headers. No Spring type headers: the {@code ce_type} names the event.
 */
public class EventSerializer implements Serializer<DomainEvent> {

    /** Producer property naming the CloudEvents {@code source} (the publishing service). */
    public static final String SOURCE_CONFIG = "reciprocity.event.source";

    private final JacksonJsonSerializer<DomainEvent> json =
            new JacksonJsonSerializer<DomainEvent>(EventJson.mapper()).noTypeInfo();
    private String source = "/reciprocity";

    public EventSerializer() {
    }

    public EventSerializer(String source) {
        this.source = source;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object configured = configs.get(SOURCE_CONFIG);
        if (configured != null) {
            source = configured.toString();
        }
    }

    @Override
    public byte[] serialize(String topic, DomainEvent event) {
        return serialize(topic, new RecordHeaders(), event);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, DomainEvent event) {
        if (event == null) {
            return null;
        }
        EventType type = EventTypes.of(event);
        CloudEventHeaders.put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        CloudEventHeaders.put(headers, CloudEventHeaders.ID, event.eventId().toString());
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, type.name());
        CloudEventHeaders.put(headers, CloudEventHeaders.SOURCE, source);
        CloudEventHeaders.put(headers, CloudEventHeaders.TIME, event.occurredAt().toString());
        CloudEventHeaders.put(headers, CloudEventHeaders.SUBJECT, event.subject());
        CloudEventHeaders.put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return json.serialize(topic, headers, event);
    }
}
