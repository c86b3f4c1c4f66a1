package org.reciprocity.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.EventTypes;
import org.reciprocity.contracts.kafka.EventSerializer;

/** Reads and writes raw records on the shared broker, as an outside producer or consumer would. */
public final class TopicProbe {

    private TopicProbe() {
    }

    /** Sends an event as a well-behaved producer would (CloudEvents headers, JSON value). */
    public static void send(String bootstrap, DomainEvent event) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = new EventSerializer("/tests").serialize(EventTypes.of(event).topic().name(), headers, event);
        sendRaw(bootstrap, new ProducerRecord<>(EventTypes.of(event).topic().name(), null, event.subject(), value, headers));
    }

    public static void sendRaw(String bootstrap, ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads {@code topic} from the start until a record matches or the time is up. */
    public static List<ConsumerRecord<String, byte[]>> readUntil(String bootstrap, String topic,
            Predicate<ConsumerRecord<String, byte[]>> wanted, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record);
                    if (wanted.test(record)) {
                        return seen;
                    }
                }
            }
        }
        return seen;
    }

    /**
     * Every record of {@code topic}: read from the start for at least {@code settle} (so what is being
     * published just now is still seen), and in any case until everything written before the call has been
     * read. Unlike {@link #readUntil} with a predicate that never matches, a slow broker or a large topic
     * cannot cut the list short without a word: if the records written before the call are not all read
     * within a minute, this fails. Reads its partitions directly (no consumer group to join).
     */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic, Duration settle) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long start = System.nanoTime();
            long atLeast = start + settle.toNanos();
            long atMost = start + Math.max(settle.toNanos(), Duration.ofMinutes(1).toNanos());
            while (System.nanoTime() < atLeast || !caughtUp(consumer, ends)) {
                if (System.nanoTime() > atMost) {
                    throw new AssertionError("could not read " + topic + " to its end in a minute: " + seen.size()
                            + " records read, ends " + ends);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
