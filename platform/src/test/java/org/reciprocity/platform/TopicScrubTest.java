package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Records written before issue 18 held names, e-mails and free text on topics kept for ever; the
 * scrub copies them out and back without those fields, in the same partitions, order and offsets.
 */
class TopicScrubTest {

    private static final EmbeddedKafkaKraftBroker BROKER = new EmbeddedKafkaKraftBroker(1, 2);

    static {
        BROKER.afterPropertiesSet();
    }

    @AfterAll
    static void stop() {
        BROKER.destroy();
    }

    private static final String REGISTERED = "{\"eventId\":\"e1\",\"memberId\":\"m-1\",\"kind\":\"SERVICE_USER\","
            + "\"displayName\":\"Wilhelmina Quill\",\"email\":\"wil@example.org\",\"language\":\"en\",\"roles\":[\"MEMBER\"]}";

    @Test
    void aValueLosesThePersonalFieldsOfItsTypeAndNothingElse() {
        byte[] scrubbed = TopicScrub.scrubbed("reciprocity.MemberRegistered.v1", REGISTERED.getBytes(StandardCharsets.UTF_8));

        String text = new String(scrubbed, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Wilhelmina", "wil@example.org", "SERVICE_USER")
                .contains("\"memberId\":\"m-1\"", "\"roles\":[\"MEMBER\"]", "\"displayName\":null");
        assertThat(TopicScrub.scrubbed("reciprocity.MemberRegistered.v1", scrubbed)).isSameAs(scrubbed);
        byte[] posted = "{\"transferId\":\"t-1\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(TopicScrub.scrubbed("reciprocity.TransferPosted.v1", posted)).isSameAs(posted);
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        assertThat(TopicScrub.scrubbed("reciprocity.MemberRegistered.v1", notJson)).isSameAs(notJson);
    }

    @Test
    void aTopicIsRewrittenWithoutTheFieldsInTheSameOrderAndOffsetsAndItsGroupsGoOnWhereTheyWere() throws Exception {
        String bootstrap = BROKER.getBrokersAsString();
        String topic = "reciprocity.members.v1";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1).configs(Map.of("retention.ms", "-1")))).all().get();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < 6; i++) {
                    RecordHeaders headers = new RecordHeaders();
                    headers.add("ce_type", (i % 2 == 0 ? "reciprocity.MemberRegistered.v1" : "reciprocity.MemberReactivated.v1")
                            .getBytes(StandardCharsets.UTF_8));
                    String value = i % 2 == 0 ? REGISTERED.replace("m-1", "m-" + i) : "{\"memberId\":\"m-" + i + "\"}";
                    producer.send(new ProducerRecord<>(topic, i % 2, 1_000L + i, ("m-" + i).getBytes(StandardCharsets.UTF_8),
                            value.getBytes(StandardCharsets.UTF_8), headers)).get();
                }
            }
            TopicPartition first = new TopicPartition(topic, 0);
            admin.alterConsumerGroupOffsets("matching.profiles", Map.of(first, new OffsetAndMetadata(2))).all().get();

            TopicScrub.Report report = new TopicScrub(bootstrap).run();

            assertThat(report.changedByTopic()).containsEntry(topic, 3L);
            List<ConsumerRecord<byte[], byte[]>> records = readAll(bootstrap, topic);
            assertThat(records).hasSize(6);
            assertThat(records).allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                    .doesNotContain("Wilhelmina", "wil@example.org", "SERVICE_USER"));
            assertThat(records).filteredOn(r -> r.partition() == 0).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                    .containsExactly("m-0", "m-2", "m-4");
            assertThat(records).filteredOn(r -> r.partition() == 0).extracting(ConsumerRecord::offset).containsExactly(0L, 1L, 2L);
            assertThat(records).filteredOn(r -> r.partition() == 1).extracting(ConsumerRecord::timestamp)
                    .containsExactly(1_001L, 1_003L, 1_005L);
            assertThat(records.get(0).headers().lastHeader("ce_type")).isNotNull();
            assertThat(admin.listConsumerGroupOffsets("matching.profiles").partitionsToOffsetAndMetadata().get().get(first)
                    .offset()).isEqualTo(2);
            assertThat(admin.listTopics().names().get()).doesNotContain(topic + ".scrub");
            assertThat(admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic))).all().get().values().iterator().next()
                    .get("retention.ms").value()).isEqualTo("-1");

            assertThat(new TopicScrub(bootstrap).run().changedAnything()).as("a second run").isFalse();
        }
    }

    @Test
    void refusesWhileAServiceIsReading() throws Exception {
        String bootstrap = BROKER.getBrokersAsString();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("busy", 1, (short) 1))).all().get();
        }
        try (KafkaConsumer<byte[], byte[]> reading = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "still-running"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            reading.subscribe(List.of("busy"));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (reading.assignment().isEmpty() && System.nanoTime() < until) {
                reading.poll(Duration.ofMillis(200));
            }
            // nothing old to rewrite: a service reading is no reason to refuse (a restored or restarted platform)
            assertThat(new TopicScrub(bootstrap, Duration.ofSeconds(1)).run().changedAnything()).isFalse();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("ce_type", "reciprocity.MemberRegistered.v1".getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>("busy", 0, null, "m-9".getBytes(StandardCharsets.UTF_8),
                        REGISTERED.getBytes(StandardCharsets.UTF_8), headers)).get();
            }
            assertThatThrownBy(() -> new TopicScrub(bootstrap, Duration.ofSeconds(2)).run()).hasMessageContaining("still-running");
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic) {
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(300)).forEach(all::add);
            }
        }
        all.sort(java.util.Comparator.comparingInt(ConsumerRecord<byte[], byte[]>::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return all;
    }
}
