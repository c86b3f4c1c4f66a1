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
}
