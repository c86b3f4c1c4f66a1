package org.reciprocity.kit.messaging;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.reciprocity.contracts.Topic;
import org.reciprocity.contracts.Topics;
import org.springframework.kafka.config.TopicBuilder;

/**
 * How every topic of the catalogue, and its dead-letter twin, is created on a cluster: its
 * partitions and retention from the catalogue, its replicas and {@code min.insync.replicas} from
 * the cluster's configuration.
 *
 * <p>Why {@code min.insync.replicas} with each topic: the producers write with {@code acks=all},
 * which waits for the replicas in sync, however few they are. Left to the broker's default (1), a
 * write held by the leader alone is acknowledged, and lost if the leader goes before a follower
 * copied it. With it at 2 on three replicas, an acknowledged write is on two brokers, and writes go
 * on while one broker is away.
 *
 * <p>A compacted topic (the member-details topic) is where personal data travels, so how soon an
 * older record of a key is really gone is a promise to members: the log cleaner only compacts closed
 * segments, so each segment is closed after at most an hour and cleaned within
 * {@code compactionLag} (24 hours by default; seconds on a test platform). Its dead-letter twin keeps
 * records no longer than that lag either: a copy of a member's details must not outlive their erasure.
 * A compacted topic with a retention (the invitations topic) is {@code compact,delete}: compacted the
 * same way, and every record also deleted once older than the retention.
 *
 * @param replicationFactor  replicas of each partition
 * @param minInSyncReplicas  replicas that must hold a write before it is acknowledged
 * @param compactionLag      how long an older record of a key may stay on a compacted topic
 */
public record TopicDeclarations(short replicationFactor, int minInSyncReplicas, Duration compactionLag) {

    /** Within a day, an older record of a compacted topic is gone. */
    public static final Duration COMPACTION_LAG = Duration.ofHours(24);
    private static final Duration LONGEST_SEGMENT = Duration.ofHours(1);

    public TopicDeclarations(short replicationFactor, int minInSyncReplicas) {
        this(replicationFactor, minInSyncReplicas, COMPACTION_LAG);
    }

    public TopicDeclarations {
        if (compactionLag == null || compactionLag.isNegative() || compactionLag.isZero()) {
            throw new IllegalArgumentException("the compaction lag must be a positive duration, not " + compactionLag);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("the replication factor must be at least 1, not " + replicationFactor);
        }
        if (!suitable(replicationFactor, minInSyncReplicas)) {
            throw new IllegalArgumentException("min.insync.replicas " + minInSyncReplicas + " does not suit a replication "
                    + "factor of " + replicationFactor + ": it must be between " + lowest(replicationFactor) + " and "
                    + highest(replicationFactor) + " (" + defaultFor(replicationFactor) + " if not configured)");
        }
    }

    /**
     * The declarations for a cluster: {@code configuredMinInSync} when given (null or blank: not
     * configured), else {@link #defaultFor} the replication factor.
     */
    public static TopicDeclarations of(short replicationFactor, String configuredMinInSync) {
        return of(replicationFactor, configuredMinInSync, COMPACTION_LAG);
    }

    public static TopicDeclarations of(short replicationFactor, String configuredMinInSync, Duration compactionLag) {
        return new TopicDeclarations(replicationFactor, configuredMinInSync == null || configuredMinInSync.isBlank()
                ? defaultFor(replicationFactor) : Integer.parseInt(configuredMinInSync.strip()), compactionLag);
    }

    /** One fewer than the replicas, at least one: 1 for 1 or 2 replicas, 2 for 3. */
    public static int defaultFor(int replicationFactor) {
        return Math.max(1, replicationFactor - 1);
    }

    /**
     * Whether an {@code acks=all} write on this many replicas means something and can still be
     * made with a broker away: on three replicas or more, held by at least two; with more than one
     * replica, fewer than all (else one broker away stops every write); never more than there are.
     */
    public static boolean suitable(int replicationFactor, int minInSyncReplicas) {
        return minInSyncReplicas >= lowest(replicationFactor) && minInSyncReplicas <= highest(replicationFactor);
    }

    private static int lowest(int replicationFactor) {
        return replicationFactor >= 3 ? 2 : 1;
    }

    private static int highest(int replicationFactor) {
        return Math.max(1, replicationFactor - 1);
    }

    /** Every topic of the catalogue and its dead-letter twin. */
    public List<NewTopic> catalogue() {
        return Topics.all().stream().flatMap(topic -> Stream.of(topic(topic), deadLetter(topic))).toList();
    }

    NewTopic topic(Topic topic) {
        if (topic.compacted()) {
            TopicBuilder compacted = within(builder(topic.name(), topic.partitions())
                    .config(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, Long.toString(compactionLag.toMillis()))
                    .config(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01")
                    .config(TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(compactionLag.toMillis())));
            if (topic.retention() == null) {
                return compacted.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
            }
            return compacted.config(TopicConfig.CLEANUP_POLICY_CONFIG,
                            TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE)
                    .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retentionMillis())).build();
        }
        return builder(topic.name(), topic.partitions())
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retentionMillis())).build();
    }

    NewTopic deadLetter(Topic topic) {
        Duration kept = topic.compacted() ? compactionLag : Topics.DEAD_LETTER_RETENTION;
        TopicBuilder builder = builder(topic.deadLetterName(), topic.partitions())
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(kept.toMillis()));
        return (topic.compacted() ? within(builder) : builder).build();
    }

    /** Closes segments often enough for the cleaner (which never touches the open one) to keep the lag. */
    private TopicBuilder within(TopicBuilder builder) {
        Duration segment = compactionLag.compareTo(LONGEST_SEGMENT) < 0 ? compactionLag : LONGEST_SEGMENT;
        return builder.config(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(segment.toMillis()));
    }

    private TopicBuilder builder(String name, int partitions) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor)
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInSyncReplicas));
    }
}
