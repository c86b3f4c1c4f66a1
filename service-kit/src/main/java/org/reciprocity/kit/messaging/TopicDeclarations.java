package org.reciprocity.kit.messaging;

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
 * @param replicationFactor  replicas of each partition
 * @param minInSyncReplicas  replicas that must hold a write before it is acknowledged
 */
public record TopicDeclarations(short replicationFactor, int minInSyncReplicas) {

    public TopicDeclarations {
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
        return new TopicDeclarations(replicationFactor, configuredMinInSync == null || configuredMinInSync.isBlank()
                ? defaultFor(replicationFactor) : Integer.parseInt(configuredMinInSync.strip()));
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
        return declared(topic.name(), topic.partitions(), topic.retentionMillis());
    }

    NewTopic deadLetter(Topic topic) {
        return declared(topic.deadLetterName(), topic.partitions(), Topics.DEAD_LETTER_RETENTION.toMillis());
    }

    private NewTopic declared(String name, int partitions, long retentionMillis) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor)
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMillis))
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInSyncReplicas)).build();
    }
}
