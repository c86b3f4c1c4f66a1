package org.reciprocity.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * What every published event carries. Events are immutable, past-tense records holding opaque
 * ids; a consumer dedupes on {@link #eventId()}.
 */
public interface DomainEvent {

    /** Unique per event; the idempotency key of every consumer. */
    UUID eventId();

    /** When the fact happened, in UTC. */
    Instant occurredAt();

    /** The timebank the fact belongs to; timebanks never share data. */
    String timebankId();

    /**
     * The id of what the event is about (the timebank, the member, the contribution). It is the
     * Kafka record key, so all events of one subject stay in order on one partition, and the
     * CloudEvents {@code subject}.
     */
    String subject();
}
