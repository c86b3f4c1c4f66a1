package org.reciprocity.notification.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.kafka.EventSerializer;
import org.reciprocity.notification.NotificationApplication;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Not a test: a measurement. The whole service (real KRaft broker, mongo-java-server over TCP, as
 * in the integration tests) receives a burst of {@code ContributionLogged} events sent as fast as
 * one producer can, and we report the delay from each event ({@code occurredAt}, stamped just
 * before its send) to its inbox item ({@code deliveredAt}, stamped when the batch is written).
 * Beside it, the baseline: a bare Kafka consumer in the same JVM reading the same burst (the
 * broker's share of the delay). Run with {@code scripts/bench-notification-service.sh}.
 */
public final class InboxBurstBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        SharedInfrastructure infra = SharedInfrastructure.get();
        String bootstrap = infra.kafkaBootstrapServers();
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.mongodb.uri=" + infra.mongoUri("notification_bench"),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + infra.tokens().jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + org.reciprocity.testsupport.TestTokens.AUDIENCE,
                "--reciprocity.security.issuer=" + infra.tokens().issuer(),
                "--server.port=0",
                "--logging.level.root=WARN"));
        // the service's own default unless asked otherwise
        if (System.getProperty("intake.concurrency") != null) {
            arguments.add("--reciprocity.notification.intake-concurrency=" + System.getProperty("intake.concurrency"));
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(NotificationApplication.class)
                .run(arguments.toArray(String[]::new));
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        try (KafkaProducer<String, DomainEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new EventSerializer("/bench"))) {
            String timebank = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            List<String> members = registerMembers(producer, mongo, timebank, 100);
            System.out.printf("warm-up: %d events%n", warmUp);
            burst(producer, mongo, bootstrap, timebank, members, warmUp, false);
            System.out.printf("measured burst: %d events%n", events);
            burst(producer, mongo, bootstrap, timebank, members, events, true);
        } finally {
            app.close();
            System.exit(0);
        }
    }

    /** Members without e-mail: the burst measures the inbox path, not SMTP. */
    private static List<String> registerMembers(KafkaProducer<String, DomainEvent> producer, MongoTemplate mongo,
            String timebank, int count) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "m-" + UUID.randomUUID();
            ids.add(id);
            // as the ledger publishes a member since issue 18: ids on the members topic, details on their own
            producer.send(new ProducerRecord<>(Topics.MEMBERS_TOPIC, id, new MemberRegistered(UUID.randomUUID(),
                    Instant.now(), timebank, id, null, null, null, null, null, "c-1")));
            producer.send(new ProducerRecord<>(Topics.MEMBER_DETAILS_TOPIC, id, new MemberDetailsRecorded(UUID.randomUUID(),
                    Instant.now(), timebank, id, 1, "Member " + i, null, "en", List.of("MEMBER"),
                    List.of(new MemberDetailsRecorded.KindSince(MemberKind.NEIGHBOUR, Instant.now())), false)));
        }
        producer.flush();
        waitFor(() -> mongo.getCollection("recipients").countDocuments(new Document("timebankId", timebank)) >= count,
                Duration.ofSeconds(60));
        return ids;
    }

    private static void burst(KafkaProducer<String, DomainEvent> producer, MongoTemplate mongo, String bootstrap,
            String timebank, List<String> members, int count, boolean report) throws Exception {
        String batch = "burst-" + UUID.randomUUID();
        ConcurrentLinkedQueue<Long> brokerDelays = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread baseline = baselineConsumer(bootstrap, batch, brokerDelays, stop);
        Thread.sleep(3_000); // the baseline consumer joins its group before the burst
        // Polls the collection's size (O(1) on mongo-java-server) rather than counting by timebank (a scan of
        // every item, holding the collection while the service writes to it). Only this benchmark writes
        // inbox items, so both say when the burst is in; the figures come from the items themselves.
        long before = mongo.getCollection("inbox_items").estimatedDocumentCount();
        Instant start = Instant.now();
        for (int i = 0; i < count; i++) {
            String giver = members.get(i % members.size());
            String receiver = members.get((i + 1) % members.size());
            Instant now = Instant.now();
            producer.send(new ProducerRecord<>(Topics.CONTRIBUTIONS_TOPIC, batch + "-" + i, new ContributionLogged(
                    UUID.randomUUID(), now, timebank, batch + "-" + i, giver, receiver, LoggedBy.GIVER, giver, null,
                    receiver, 60, LocalDate.now(), CoproductionKind.PEER_SUPPORT, "bench", null, null,
                    now.plus(Duration.ofDays(14)))));
        }
        producer.flush();
        Instant sent = Instant.now();
        waitFor(() -> mongo.getCollection("inbox_items").estimatedDocumentCount() >= before + count,
                Duration.ofSeconds(300));
        stop.set(true);
        baseline.join();
        if (!report) {
            return;
        }
        List<Long> delays = new ArrayList<>();
        Instant last = start;
        for (Document item : mongo.getCollection("inbox_items").find(new Document("timebankId", timebank))) {
            if (!item.getString("sourceEventId").isEmpty() && item.get("params", Document.class) != null
                    && item.getDate("deliveredAt").toInstant().isAfter(start.minusMillis(1))) {
                Instant occurred = item.getDate("occurredAt").toInstant();
                Instant delivered = item.getDate("deliveredAt").toInstant();
                delays.add(Duration.between(occurred, delivered).toMillis());
                last = delivered.isAfter(last) ? delivered : last;
            }
        }
        System.out.printf("burst produced in %d ms; %d inbox items; all in inboxes %d ms after the first send "
                        + "(%.0f events/s end to end)%n", Duration.between(start, sent).toMillis(), delays.size(),
                Duration.between(start, last).toMillis(), delays.size() * 1000.0 / Duration.between(start, last).toMillis());
        print("event -> inbox item (service)", delays);
        print("event -> bare consumer (baseline)", new ArrayList<>(brokerDelays));
    }

    private static Thread baselineConsumer(String bootstrap, String batch, ConcurrentLinkedQueue<Long> delays,
            AtomicBoolean stop) {
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-baseline-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(Topics.CONTRIBUTIONS_TOPIC));
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        if (record.key() != null && record.key().startsWith(batch)) {
                            // the record timestamp is the producer's send time, like occurredAt
                            delays.add(System.currentTimeMillis() - record.timestamp());
                        }
                    }
                }
            }
        }, "baseline-consumer");
        thread.start();
        return thread;
    }

    private static void print(String what, List<Long> delays) {
        if (delays.isEmpty()) {
            System.out.printf("%-36s no samples%n", what);
            return;
        }
        Collections.sort(delays);
        System.out.printf("%-36s n=%d p50=%d ms p95=%d ms p99=%d ms max=%d ms%n", what, delays.size(),
                percentile(delays, 50), percentile(delays, 95), percentile(delays, 99), delays.get(delays.size() - 1));
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not done within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
