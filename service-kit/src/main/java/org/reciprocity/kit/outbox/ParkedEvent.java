package org.reciprocity.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.EventTypes;
import org.reciprocity.contracts.kafka.EventJson;

/**
 * An event the broker refused for good, kept where a person finds it, with what is needed to
 * publish it again once its cause is fixed: where it came from, its payload (or, past
 * {@link #PAYLOAD_KEPT_UP_TO}, its size and its first KiB) and the refusal in words.
 *
 * @param key the record key (the event's subject); null, as the timebank and topic may be, when the
 *            entry could not be read back as an event
 * @param payload the event's JSON, or null when it was too large to keep; then {@code payloadStart}
 */
public record ParkedEvent(String eventId, String type, String topic, String key, String timebankId,
                          String collection, String documentId, String payload, long payloadBytes,
                          String payloadStart, String error, Instant parkedAt) {

    /** Payloads up to this many bytes are kept whole: well inside MongoDB's 16 MiB document limit. */
    static final int PAYLOAD_KEPT_UP_TO = 4 * 1024 * 1024;
    /** How much of a payload too large to keep is kept, in characters. */
    static final int PAYLOAD_START = 1024;

    static ParkedEvent of(String collection, Object documentId, OutboxEntry entry, DomainEvent event, Throwable refusal,
                          Instant now) {
        String payload = entry.payload() == null ? "" : entry.payload();
        long bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        boolean kept = bytes <= PAYLOAD_KEPT_UP_TO;
        String topic = EventTypes.named(entry.type()).map(t -> t.topic().name()).orElse(null);
        String key = event != null ? event.subject() : null;
        String timebank = event != null ? event.timebankId() : timebankIn(payload);
        return new ParkedEvent(entry.eventId(), entry.type(), topic, key, timebank, collection, String.valueOf(documentId),
                kept ? payload : null, bytes, kept ? null : start(payload), Refusals.inWords(refusal), now);
    }

    /** The timebank named in a payload that could not be read as its event, if it can be read as JSON at all. */
    private static String timebankIn(String payload) {
        try {
            String timebank = EventJson.mapper().readTree(payload).path("timebankId").asString("");
            return timebank.isEmpty() ? null : timebank;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String start(String payload) {
        int end = Math.min(PAYLOAD_START, payload.length());
        if (end > 0 && Character.isHighSurrogate(payload.charAt(end - 1))) {
            end--; // never half a character
        }
        return payload.substring(0, end);
    }
}
