package org.reciprocity.review.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The batches folded and not yet acknowledged: for each consumer group and partition, the latest batch
 * that holds records of it. Acknowledging that batch commits the partition past all its earlier ones (a
 * batch commits only the partitions it has records of), so only those batches are kept: an
 * acknowledgement keeps its batch's records, and a backlog's batches must not all stay in memory until
 * the fold writes.
 */
final class HeldBatches {

    private record Held(long fold, Acknowledgment ack) {
    }

    private final Map<String, Map<TopicPartition, Held>> held = new HashMap<>();
    private long folds;

    synchronized void hold(String group, List<? extends ConsumerRecord<?, ?>> records, Acknowledgment ack) {
        Held batch = new Held(++folds, ack);
        Map<TopicPartition, Held> partitions = held.computeIfAbsent(group, g -> new HashMap<>());
        records.forEach(r -> partitions.put(new TopicPartition(r.topic(), r.partition()), batch));
    }

    synchronized boolean holds(String group) {
        return !held.getOrDefault(group, Map.of()).isEmpty();
    }

    /** Every batch held, oldest first, and holds none any more: what to acknowledge once written. */
    synchronized List<Acknowledgment> release() {
        TreeMap<Long, Acknowledgment> folded = new TreeMap<>();
        held.values().forEach(partitions -> partitions.values().forEach(h -> folded.put(h.fold(), h.ack())));
        held.clear();
        return new ArrayList<>(folded.values());
    }
}
