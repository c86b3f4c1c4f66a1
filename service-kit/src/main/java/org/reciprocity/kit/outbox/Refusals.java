package org.reciprocity.kit.outbox;

import java.util.List;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a publish that can never succeed from one worth trying again. Only failures about the
 * record itself are final: too large for the producer or the broker, a topic name the broker
 * refuses, a value that cannot be written, an outbox entry that cannot be read back as an event.
 * Kafka's other non-retriable errors (authorization, a fenced or closed producer, an unsupported
 * version) are about the producer or the cluster, not the record: every event would fail alike
 * until a person fixes the setting, so parking them would empty every outbox into
 * {@code parked_events}; they are retried, as the broker being away is.
 */
final class Refusals {

    private static final List<Class<? extends Throwable>> FOR_GOOD = List.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidTopicException.class, InvalidRecordException.class,
            SerializationException.class, UnreadableEntry.class);

    private Refusals() {
    }

    /** Whether the failure, or one of its causes, says the record can never be published. */
    static boolean forGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RetriableException) {
                return false;
            }
            for (Class<? extends Throwable> type : FOR_GOOD) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost cause in one line, at most 1,000 characters: what a person reads first. */
    static String inWords(Throwable failure) {
        Throwable reason = failure;
        while (reason.getCause() != null && reason.getCause() != reason) {
            reason = reason.getCause();
        }
        String words = reason.getClass().getSimpleName() + ": " + reason.getMessage();
        return words.length() <= 1_000 ? words : words.substring(0, 1_000) + "…";
    }

    /** An outbox entry that cannot be turned back into an event (unknown type, unreadable payload). */
    static final class UnreadableEntry extends RuntimeException {
        UnreadableEntry(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
