package org.reciprocity.contracts;

import java.time.Duration;
import java.util.Objects;

/**
 * A Kafka topic of the platform: its name, what its records are keyed by, how it is partitioned
 * and kept, and which service alone publishes to it.
 *
 * @param retention how long records are kept; {@code null} keeps them for ever (event-sourced read
 *                  models can be rebuilt from the start). On a compacted topic, a retention means
 *                  {@code cleanup.policy=compact,delete}: the newest record of each key replaces the older
 *                  ones, and it too is deleted once older than the retention (the invitations topic)
 * @param compacted whether the topic keeps only the newest record of each key ({@code cleanup.policy=compact}):
 *                  a state topic, where a newer record of a subject replaces, and in time removes, the older ones.
 *                  This is how personal data can travel and still be forgotten (docs/personal-data.md 2.3)
 */
public record Topic(String name, String keyedBy, int partitions, Duration retention, String owner, String description,
                    boolean compacted) {

    /** A topic that keeps every record for its retention. */
    public Topic(String name, String keyedBy, int partitions, Duration retention, String owner, String description) {
        this(name, keyedBy, partitions, retention, owner, description, false);
    }

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyedBy, "keyedBy");
        Objects.requireNonNull(owner, "owner");
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition");
        }
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            throw new IllegalArgumentException("a retention must be a positive duration (null: for ever), not " + retention);
        }
    }

    /** The dead-letter topic of this topic: poison records land there with the failure in headers. */
    public String deadLetterName() {
        return name + "-dlt";
    }

    /** {@code retention.ms} for the broker: -1 means keep for ever. */
    public long retentionMillis() {
        return retention == null ? -1L : retention.toMillis();
    }
}
