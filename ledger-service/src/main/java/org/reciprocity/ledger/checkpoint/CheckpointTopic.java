package org.reciprocity.ledger.checkpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.ledger.ChainCheckpointed;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The checkpoints of a timebank as the broker holds them: read by a short-lived consumer that
 * seeks the checkpoints topic from its start to its current end, joins no group and commits
 * nothing. The topic is a copy the database does not hold, so the plain verification can be held
 * against it too. It reads the whole topic (one record a timebank a day at most); a ledger with
 * years of many timebanks would want a compacted index of it.
 */
@Component
class CheckpointTopic {

    static final Duration WAIT = Duration.ofSeconds(5);

    private final ConsumerFactory<String, DomainEvent> consumers;

    CheckpointTopic(ConsumerFactory<String, DomainEvent> consumers) {
        this.consumers = consumers;
    }

    /** Every checkpoint of the timebank on the topic, oldest first; throws if the broker did not answer in time. */
    List<ChainCheckpointed> of(String timebankId) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (Consumer<String, DomainEvent> consumer = consumers.createConsumer(null, "ledger-checkpoint-reader", null,
                overrides)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LEDGER_CHECKPOINTS_TOPIC, WAIT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            List<ChainCheckpointed> found = new ArrayList<>();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the checkpoints topic was not read to its end within " + WAIT);
                }
                for (ConsumerRecord<String, DomainEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() instanceof ChainCheckpointed c && timebankId.equals(c.timebankId())) {
                        found.add(c);
                    }
                }
            }
            return found;
        }
    }

    private static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), WAIT) >= e.getValue());
    }
}
