package org.reciprocity.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Takes the personal data out of the records already on the topics (issue 18, "migrate what exists"):
 * until session 11 the members, contributions, ledger, listings, matches and notifications topics
 * carried names, e-mails, kinds and free text, and most of them are kept for ever. Records cannot be
 * changed in place, so each topic holding such records is copied, with those fields set to
 * {@code null}, to a scratch topic; the topic is deleted and created again with its own settings; the
 * scrubbed records are copied back, partition by partition, in order, with their keys, headers and
 * timestamps; the scratch topic is deleted. Consumer groups' committed offsets are moved by the
 * records that retention had already removed, so each group goes on where it was.
 *
 * <p>It runs with no service consuming (the launcher runs it after the broker starts and before the
 * services; an operator runs {@link #main} with the services stopped) and refuses otherwise. A topic
 * with nothing to scrub is left alone, so a second run changes nothing.
 */
public final class TopicScrub {

    /** The fields of each event type that held personal data or free text, by CloudEvents type. */
    static final Map<String, List<String>> PERSONAL_FIELDS = Map.ofEntries(
            Map.entry("reciprocity.MemberRegistered.v1", List.of("kind", "displayName", "email", "language")),
            Map.entry("reciprocity.MemberDetailsChanged.v1", List.of("kind", "displayName", "email", "language")),
            Map.entry("reciprocity.MemberSuspended.v1", List.of("reason")),
            Map.entry("reciprocity.ContributionLogged.v1", List.of("description")),
            Map.entry("reciprocity.ContributionValidated.v1", List.of("thankYouNote")),
            Map.entry("reciprocity.ContributionDisputed.v1", List.of("reason")),
            Map.entry("reciprocity.ContributionRejected.v1", List.of("reason")),
            Map.entry("reciprocity.ContributionResolved.v1", List.of("note")),
            Map.entry("reciprocity.GroupActivityRecorded.v1", List.of("title")),
            Map.entry("reciprocity.HoursGifted.v1", List.of("note")),
            Map.entry("reciprocity.HoursRedeemed.v1", List.of("offer")),
            Map.entry("reciprocity.NeedPublished.v1", List.of("title", "district")),
            Map.entry("reciprocity.OfferPublished.v1", List.of("title", "district")),
            Map.entry("reciprocity.ListingWithdrawn.v1", List.of("reason")),
            Map.entry("reciprocity.MatchProposed.v1", List.of("activity", "reason")),
            Map.entry("reciprocity.MatchAccepted.v1", List.of("activity", "reason")),
            Map.entry("reciprocity.MatchAgreed.v1", List.of("activity", "reason")),
            Map.entry("reciprocity.MatchDeclined.v1", List.of("activity", "reason")),
            Map.entry("reciprocity.MatchCancelled.v1", List.of("activity", "reason")),
            Map.entry("reciprocity.NotificationFailed.v1", List.of("reason")));

    static final String TYPE_HEADER = "ce_type";
    private static final String SCRATCH = ".scrub";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READ_LIMIT = Duration.ofMinutes(10);
    /** Longer than a consumer's default session timeout (45 s), after which the broker drops a dead member. */
    static final Duration STALE_MEMBERS_GO = Duration.ofSeconds(60);

    private final String bootstrap;
    private final Duration staleMembersGo;

    public TopicScrub(String bootstrap) {
        this(bootstrap, STALE_MEMBERS_GO);
    }

    TopicScrub(String bootstrap, Duration staleMembersGo) {
        this.bootstrap = bootstrap;
        this.staleMembersGo = staleMembersGo;
    }

    /** What a run did: per topic scrubbed, how many records it changed. */
    public record Report(Map<String, Long> changedByTopic) {
        public boolean changedAnything() {
            return !changedByTopic.isEmpty();
        }
    }

    /** {@code java … TopicScrub <bootstrap servers>}: scrubs every topic of the broker, services stopped. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: TopicScrub <bootstrap servers>, with every service stopped");
            System.exit(2);
        }
        Report report = new TopicScrub(args[0]).run();
        System.out.println(report.changedAnything() ? "Scrubbed: " + report.changedByTopic() : "Nothing to scrub.");
    }

    /**
     * The record's value with the personal fields of its type set to {@code null}; the same array when
     * it has none (a type without such fields, a value that is not JSON, or one already scrubbed).
     */
    static byte[] scrubbed(String type, byte[] value) {
        List<String> fields = type == null ? null : PERSONAL_FIELDS.get(type);
        if (fields == null || value == null) {
            return value;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(value);
        } catch (java.io.IOException notJson) {
            return value;
        }
        if (!(tree instanceof ObjectNode event)) {
            return value;
        }
        boolean changed = false;
        for (String field : fields) {
            if (event.hasNonNull(field)) {
                event.putNull(field);
                changed = true;
            }
        }
        if (!changed) {
            return value;
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (java.io.IOException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /** Scrubs every topic of the broker that holds a record with personal fields. */
    public Report run() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> topics = admin.listTopics().names().get().stream()
                    .filter(t -> !t.startsWith("__") && !t.endsWith(SCRATCH)).collect(Collectors.toSet());
            for (String topic : admin.listTopics().names().get()) {
                if (topic.endsWith(SCRATCH)) {
                    // a run stopped while copying back: its topic is whole again only once copied back
                    throw new IllegalStateException("a scrub was interrupted: " + topic + " still exists. Its records are"
                            + " the scrubbed copy of " + topic.substring(0, topic.length() - SCRATCH.length())
                            + "; copy them back by hand or restore the backup taken before the upgrade");
                }
            }
            Map<String, Long> toScrub = new java.util.TreeMap<>();
            for (String topic : topics) {
                long count = countToScrub(topic);
                if (count > 0) {
                    toScrub.put(topic, count);
                }
            }
            if (toScrub.isEmpty()) {
                return new Report(Map.of()); // nothing to rewrite: whoever reads may go on reading
            }
            requireNoActiveConsumers(admin);
            for (String topic : toScrub.keySet()) {
                scrub(admin, topic);
            }
            Map<String, Long> changed = toScrub;
            return new Report(Map.copyOf(changed));
        }
    }

    /**
     * Refuses while a consumer group has members. After a crash or a restore the broker still lists the
     * members of the services that were running then, until their session times out (45 s by default),
     * so it waits that long before it refuses.
     */
    private void requireNoActiveConsumers(Admin admin) throws Exception {
        long deadline = System.nanoTime() + staleMembersGo.toNanos();
        List<String> active = activeGroups(admin);
        while (!active.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            active = activeGroups(admin);
        }
        if (!active.isEmpty()) {
            throw new IllegalStateException("stop every service first: these consumer groups are reading now: " + active);
        }
    }

    private static List<String> activeGroups(Admin admin) throws Exception {
        Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get();
        List<String> ids = groups.stream().map(ConsumerGroupListing::groupId).toList();
        return admin.describeConsumerGroups(ids).all().get().values().stream()
                .filter(group -> !group.members().isEmpty()).map(group -> group.groupId()).toList();
    }

    private long countToScrub(String topic) {
        long[] count = {0};
        readAll(topic, record -> {
            if (scrubbed(type(record), record.value()) != record.value()) {
                count[0]++;
            }
        });
        return count[0];
    }

    private void scrub(Admin admin, String topic) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        int partitions = description.partitions().size();
        short replicas = (short) description.partitions().get(0).replicas().size();
        Map<String, String> settings = ownSettings(admin, topic);
        Map<TopicPartition, Long> starts = startOffsets(topic);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committedOffsets(admin, topic);

        String scratch = topic + SCRATCH;
        admin.createTopics(List.of(new NewTopic(scratch, partitions, replicas).configs(settings))).all().get();
        copy(topic, scratch, true);
        admin.deleteTopics(List.of(topic)).all().get();
        awaitGone(admin, topic);
        admin.createTopics(List.of(new NewTopic(topic, partitions, replicas).configs(settings))).all().get();
        copy(scratch, topic, false);
        for (Map.Entry<String, Map<TopicPartition, OffsetAndMetadata>> group : committed.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
            group.getValue().forEach((partition, offset) -> moved.put(partition,
                    new OffsetAndMetadata(Math.max(0, offset.offset() - starts.getOrDefault(partition, 0L)))));
            admin.alterConsumerGroupOffsets(group.getKey(), moved).all().get();
        }
        admin.deleteTopics(List.of(scratch)).all().get();
        awaitGone(admin, scratch);
    }

    /** The settings set on the topic itself (retention, compaction, min.insync.replicas), not the broker's defaults. */
    private static Map<String, String> ownSettings(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        Map<String, String> own = new HashMap<>();
        for (ConfigEntry entry : config.entries()) {
            if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && entry.value() != null) {
                own.put(entry.name(), entry.value());
            }
        }
        return own;
    }

    private static Map<String, Map<TopicPartition, OffsetAndMetadata>> committedOffsets(Admin admin, String topic)
            throws Exception {
        Map<String, Map<TopicPartition, OffsetAndMetadata>> byGroup = new HashMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetAndMetadata> onTopic = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (partition.topic().equals(topic) && offset != null) {
                    onTopic.put(partition, offset);
                }
            });
            if (!onTopic.isEmpty()) {
                byGroup.put(group.groupId(), onTopic);
            }
        }
        return byGroup;
    }

    private Map<TopicPartition, Long> startOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            return consumer.beginningOffsets(partitions);
        }
    }

    /** Copies every record of {@code from} into the same partition of {@code to}, in order, scrubbing if asked. */
    private void copy(String from, String to, boolean scrub) throws InterruptedException, ExecutionException {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            readAll(from, record -> {
                byte[] value = scrub ? scrubbed(type(record), record.value()) : record.value();
                sent.add(producer.send(new ProducerRecord<>(to, record.partition(), record.timestamp(), record.key(), value,
                        record.headers())));
            });
            producer.flush();
            for (java.util.concurrent.Future<?> each : sent) {
                each.get(); // a refused record stops the scrub before anything is deleted (from the scratch copy: before copying back)
            }
        }
    }

    private void readAll(String topic, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in " + READ_LIMIT);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static String type(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(TYPE_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void awaitGone(Admin admin, String topic) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                admin.describeTopics(List.of(topic)).allTopicNames().get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    if (!admin.listTopics().names().get().contains(topic)) {
                        return;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(topic + " was not deleted within 2 minutes");
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1",
                ProducerConfig.LINGER_MS_CONFIG, "5"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }
}
