package org.reciprocity.platform;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.reciprocity.contracts.EventType;
import org.reciprocity.contracts.EventTypes;
import org.reciprocity.contracts.Topic;
import org.reciprocity.contracts.Topics;

/**
 * Writes {@code docs/asyncapi.yaml} (AsyncAPI 3) from the contracts themselves: every topic of the
 * catalogue, its dead-letter twin, and every event type with its payload schema and CloudEvents
 * headers. {@code AsyncApiDocumentTest} fails when the committed file is not what this writes, so
 * the document cannot drift from the code. Regenerate with
 * {@code ./mvnw -pl platform -am test -Dtest=AsyncApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -Dasyncapi.write=true}.
 */
final class AsyncApiDocument {

    private AsyncApiDocument() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "docs/asyncapi.yaml");
        Files.writeString(file, render());
        System.out.println("wrote " + file.toAbsolutePath());
    }

    static String render() {
        StringBuilder y = new StringBuilder();
        y.append("""
                # Generated from the contracts module by AsyncApiDocument (platform tests); do not edit by hand.
                asyncapi: 3.0.0
                info:
                  title: Reciprocity events
                  version: 1.0.0
                  description: |
                    Every event is a CloudEvents 1.0 record in binary mode: the attributes travel in the
                    Kafka headers ce_id, ce_type, ce_source, ce_time, ce_subject, ce_specversion, and the
                    value is the event as JSON (content-type application/json). The record key is the
                    event's subject, so one subject's events stay in order on one partition. Poison
                    records go to <topic>-dlt with the failure in headers (reciprocity_dlt-reason,
                    kafka_dlt-exception-fqcn, kafka_dlt-exception-message, kafka_dlt-original-topic, ...).
                defaultContentType: application/json
                servers:
                  local:
                    host: 127.0.0.1:9092
                    protocol: kafka
                    description: The local platform's KRaft broker (./mvnw -Prun).
                  compose:
                    host: kafka:9092
                    protocol: kafka
                    description: The broker of docker-compose.yml.
                channels:
                """);
        for (Topic topic : Topics.all()) {
            List<EventType> types = typesOn(topic);
            y.append("  ").append(key(topic.name())).append(":\n");
            y.append("    address: ").append(topic.name()).append('\n');
            y.append("    description: >-\n      ").append(topic.description())
                    .append(" Owner: ").append(topic.owner()).append(". Key: ").append(topic.keyedBy())
                    .append(". Partitions: ").append(topic.partitions()).append(". Retention: ")
                    .append(topic.retention() == null ? "forever" : topic.retention().toDays() + " days").append('.')
                    .append(topic.compacted() ? " " + COMPACTED : "").append('\n');
            y.append("    messages:\n");
            if (types.isEmpty()) {
                y.append("      {}\n");
            }
            for (EventType type : types) {
                y.append("      ").append(simple(type)).append(":\n");
                y.append("        $ref: '#/components/messages/").append(simple(type)).append("'\n");
            }
            y.append("  ").append(key(topic.deadLetterName())).append(":\n");
            y.append("    address: ").append(topic.deadLetterName()).append('\n');
            y.append("    description: Records of ").append(topic.name())
                    .append(" that could not be processed, as they were, with the reason in headers. ")
                    .append(deadLetterKept(topic)).append("\n");
        }
        y.append("operations:\n");
        for (Topic topic : Topics.all()) {
            if (typesOn(topic).isEmpty()) {
                continue;
            }
            y.append("  publish").append(camel(topic.name())).append(":\n");
            y.append("    action: send\n");
            y.append("    summary: ").append(topic.owner()).append(" publishes on ").append(topic.name()).append('\n');
            y.append("    channel:\n      $ref: '#/channels/").append(key(topic.name())).append("'\n");
        }
        y.append("components:\n  messages:\n");
        for (EventType type : EventTypes.all()) {
            y.append("    ").append(simple(type)).append(":\n");
            y.append("      name: ").append(type.name()).append('\n');
            y.append("      title: ").append(type.javaType().getSimpleName()).append('\n');
            y.append("      contentType: application/json\n");
            y.append("      headers:\n        $ref: '#/components/schemas/CloudEventHeaders'\n");
            y.append("      payload:\n        $ref: '#/components/schemas/").append(simple(type)).append("'\n");
        }
        y.append("""
                  schemas:
                    CloudEventHeaders:
                      type: object
                      required: [ce_id, ce_type, ce_source, ce_time, ce_subject, ce_specversion]
                      properties:
                        ce_id: {type: string, description: the event id (eventId)}
                        ce_type: {type: string, description: 'the versioned type, e.g. reciprocity.TimebankOpened.v1'}
                        ce_source: {type: string, description: 'the publishing service, e.g. /ledger-service'}
                        ce_time: {type: string, format: date-time}
                        ce_subject: {type: string, description: the id the event is about; also the record key}
                        ce_specversion: {type: string, const: '1.0'}
                        content-type: {type: string, const: application/json}
                """);
        for (EventType type : EventTypes.all()) {
            y.append("    ").append(simple(type)).append(":\n");
            y.append("      type: object\n");
            List<RecordComponent> fields = Arrays.asList(type.javaType().getRecordComponents());
            y.append("      required: [").append(fields.stream().filter(f -> f.getType().isPrimitive()
                            || List.of("eventId", "occurredAt", "timebankId").contains(f.getName()))
                    .map(RecordComponent::getName).collect(Collectors.joining(", "))).append("]\n");
            y.append("      properties:\n");
            for (RecordComponent field : fields) {
                y.append("        ").append(field.getName()).append(": ").append(schema(field)).append('\n');
            }
        }
        return y.toString();
    }

    private static List<EventType> typesOn(Topic topic) {
        return EventTypes.all().stream().filter(t -> t.topic().equals(topic)).toList();
    }

    private static String schema(RecordComponent field) {
        Class<?> type = field.getType();
        if (type == String.class) {
            return "{type: string}";
        }
        if (type == UUID.class) {
            return "{type: string, format: uuid}";
        }
        if (type == Instant.class) {
            return "{type: string, format: date-time}";
        }
        if (type == LocalDate.class) {
            return "{type: string, format: date}";
        }
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return "{type: integer, format: " + (type == int.class || type == Integer.class ? "int32" : "int64") + "}";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "{type: boolean}";
        }
        if (type.isEnum()) {
            return "{type: string, enum: [" + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + "]}";
        }
        if (List.class.isAssignableFrom(type) || java.util.Set.class.isAssignableFrom(type)) {
            Type item = ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
            return "{type: array, items: {type: " + (item == String.class ? "string" : "object") + "}}";
        }
        return "{type: object}";
    }

    private static String simple(EventType type) {
        return type.name().substring("reciprocity.".length()).replace('.', '_');
    }

    private static String key(String topic) {
        return topic.replace('.', '-');
    }

    private static String camel(String topic) {
        return Arrays.stream(topic.split("[.-]")).map(p -> Character.toUpperCase(p.charAt(0)) + p.substring(1))
                .collect(Collectors.joining());
    }

    /**
     * What service-kit's {@code TopicDeclarations} does with a compacted topic: each key's latest record
     * stays, older ones are gone within the compaction lag ({@code TopicDeclarations.COMPACTION_LAG},
     * 24 hours unless the cluster sets {@code reciprocity.kafka.compaction-lag}; the kit is not on this
     * module's class path, so the figure is written here).
     */
    static final String COMPACTED = "Compacted: the latest record of each key stays, an older one is gone within"
            + " 24 hours (the compaction lag).";

    /** A compacted topic's dead letters may hold personal data: kept no longer than its compaction lag. */
    static String deadLetterKept(Topic topic) {
        return topic.compacted() ? "Kept no longer than the compaction lag (24 hours), so that no copy outlives an erasure."
                : "Kept " + Topics.DEAD_LETTER_RETENTION.toDays() + " days.";
    }
}
