package org.reciprocity.review.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.EventTypes;
import org.reciprocity.contracts.Topic;
import org.reciprocity.contracts.LedgerContracts;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.kafka.EventSerializer;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.review.ReviewApplication;
import org.reciprocity.review.facts.Keys;
import org.reciprocity.review.facts.PartyKind;
import org.reciprocity.review.figures.Period;
import org.reciprocity.review.figures.ReviewFigures;
import org.reciprocity.review.figures.ReviewPage;
import org.reciprocity.review.figures.ReviewQuery;
import org.reciprocity.review.figures.ReviewSort;
import org.reciprocity.review.figures.Thresholds;
import org.reciprocity.review.store.Projections;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * Not a test: a measurement. One timebank of M members and T ledger entries over the twelve months
 * of 2026 (each entry a validated contribution: ContributionLogged, ContributionValidated and
 * TransferPosted; one in a hundred instead the reversal of an earlier one; besides, one contribution
 * in fifty is logged and left waiting) is put on the real embedded broker's topics first, created
 * as the catalogue says. Then review-service starts and folds the topics from the start: events/s
 * until the four consumer groups have committed every offset. Then one month's review page (June,
 * in Europe/London) is read: cold (a fresh figures object, nothing cached, several times) and warm
 * (R reads of random pages, sorts and kind filters: p50/p95/p99), through the service's own
 * {@link ReviewFigures}, not HTTP; then parity and indicators, cold and warm.
 *
 * <p>The store is the platform's default: mongo-java-server on the platform's durable H2 backend
 * ({@code org.reciprocity.platform.MongoNode}, compiled from platform's sources by the script),
 * in this JVM, on disk under {@code review-service/target/bench-mongo}; {@code h2} is H2 without the
 * per-write flush, {@code memory} the memory backend of the tests. Run with
 * {@code scripts/bench-review-service.sh [M] [T] [R] [durable-h2|h2|memory]}.
 */
public final class ReviewBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final YearMonth MONTH = YearMonth.of(2026, 6);
    private static final List<String> GROUPS = List.of("review.members", "review.details", "review.contributions",
            "review.ledger");
    private static final List<Topic> TOPICS = List.of(LedgerContracts.MEMBERS, LedgerContracts.CONTRIBUTIONS,
            LedgerContracts.LEDGER_ENTRIES, org.reciprocity.contracts.PersonalDataContracts.MEMBER_DETAILS);

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int transfers = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        int reads = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        String backend = args.length > 3 ? args[3] : "durable-h2";
        SharedInfrastructure infra = SharedInfrastructure.get();
        String bootstrap = infra.kafkaBootstrapServers();
        String tb = "bench-" + UUID.randomUUID().toString().substring(0, 6);
        String mongoUri = mongo(backend, infra, "review_bench_" + tb.substring(6));
        System.out.printf("store: %s (%s); heap max %,d MB%n", backend, mongoUri, Runtime.getRuntime().maxMemory() >> 20);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            createTopics(admin);
            long t = System.nanoTime();
            long events = publish(bootstrap, tb, members, transfers);
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("published %,d events (%,d members, %,d ledger entries) in %.1f s: %,.0f events/s [load %s]%n",
                    events, members, transfers, seconds, events / seconds, load());

            resetPeaks();
            long cpuBefore = cpu();
            long started = System.nanoTime();
            ConfigurableApplicationContext app = new SpringApplicationBuilder(ReviewApplication.class).run(
                    "--spring.kafka.bootstrap-servers=" + bootstrap,
                    "--spring.mongodb.uri=" + mongoUri,
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + infra.tokens().jwkSetUri(),
                    "--spring.security.oauth2.resourceserver.jwt.audiences=" + org.reciprocity.testsupport.TestTokens.AUDIENCE,
                    "--reciprocity.security.issuer=" + infra.tokens().issuer(),
                    "--reciprocity.default-zone=" + ZONE, "--server.port=0", "--logging.level.root=WARN",
                    // the whole fold may stay in memory until caught up (HEAP, 8 GB by default, holds it)
                    "--reciprocity.review.fold.flush-at=" + System.getProperty("bench.flush-at", "20000000"));
            double startup = (System.nanoTime() - started) / 1e9;
            Map<TopicPartition, Long> ends = ends(admin);
            long lastReport = System.nanoTime();
            while (!caughtUp(admin, ends)) {
                Thread.sleep(250);
                if (System.nanoTime() - lastReport > 30e9) {
                    lastReport = System.nanoTime();
                    System.out.printf("… %.0f s: %s [load %s, heap used %,d MB]%n", (lastReport - started) / 1e9,
                            progress(admin, ends), load(), usedHeap() >> 20);
                }
            }
            double folded = (System.nanoTime() - started) / 1e9;
            double cpu = (cpu() - cpuBefore) / 1e9;
            System.out.printf("projected %,d events in %.1f s from start-up (start-up %.1f s): %,.0f events/s "
                            + "[load %s, heap peak %,d MB]%n", events, folded, startup, events / folded, load(),
                    peakHeap() >> 20);
            // what the machine's load cannot hide: the CPU this JVM (service, broker and store) spent on it
            System.out.printf("CPU of this JVM meanwhile (service + broker + store, start-up included): %.1f s, "
                    + "%.0f µs an event: %,.0f events/s a core if it had the core to itself%n", cpu, cpu * 1e6 / events,
                    events / cpu);
            System.out.printf("of which, by thread (cumulative since the JVM started): %s%n", cpuByThread());

            measureReads(app, tb, reads);
            measureAfterChanges(app, admin, bootstrap, tb, members, transfers,
                    Integer.getInteger("bench.changes", 40));
            app.close();
        }
        System.exit(0);
    }

    private static void measureReads(ConfigurableApplicationContext app, String tb, int reads) {
        Projections projections = app.getBean(Projections.class);
        Period month = Period.month(MONTH);
        ReviewQuery first = new ReviewQuery(month, null, null, ReviewSort.NAME, false, 0, 50);
        Instant now = Instant.parse("2027-01-01T00:00:00Z");
        // cold: a figures object that has cached nothing, as after a change to the timebank's projections
        long[] cold = new long[3];
        ReviewPage page = null;
        for (int i = 0; i < cold.length; i++) {
            ReviewFigures fresh = fresh(projections);
            long t = System.nanoTime();
            page = fresh.review(tb, first, now);
            cold[i] = (System.nanoTime() - t) / 1_000_000;
        }
        System.out.printf("review page %s, cold (nothing cached), %d reads: %s ms; %,d rows, %,d flagged, %,d min given "
                + "[load %s]%n", MONTH, cold.length, Arrays.toString(cold), page.total(), page.flagged(),
                page.givenMinutes(), load());

        coldParts(projections, tb);
        ReviewFigures figures = fresh(projections);
        figures.review(tb, first, now); // the cold read of this object
        Random random = new Random(11);
        long[] millis = new long[reads];
        PartyKind[] kinds = {PartyKind.SERVICE_USER, PartyKind.STAFF, PartyKind.CARER, PartyKind.NEIGHBOUR};
        for (int i = 0; i < reads; i++) {
            ReviewSort sort = ReviewSort.values()[random.nextInt(ReviewSort.values().length)];
            PartyKind kind = random.nextInt(4) == 0 ? kinds[random.nextInt(kinds.length)] : null;
            ReviewQuery query = new ReviewQuery(month, kind, null, sort, random.nextBoolean(), random.nextInt(100), 50);
            long t = System.nanoTime();
            figures.review(tb, query, now);
            millis[i] = (System.nanoTime() - t) / 1_000;
        }
        Arrays.sort(millis);
        System.out.printf("review page %s, warm, %d reads (random sort, direction, page 0-99, kind filter 1 in 4): "
                        + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms [load %s, heap peak %,d MB]%n", MONTH,
                reads, millis[reads / 2] / 1e3, millis[(int) Math.ceil(reads * 0.95) - 1] / 1e3,
                millis[(int) Math.ceil(reads * 0.99) - 1] / 1e3, millis[reads - 1] / 1e3, load(), peakHeap() >> 20);

        ReviewFigures parity = fresh(projections);
        long t = System.nanoTime();
        parity.parity(tb, month);
        long parityCold = (System.nanoTime() - t) / 1_000_000;
        t = System.nanoTime();
        parity.indicators(tb, month); // shares the month's flows read by parity
        long indicatorsAfter = (System.nanoTime() - t) / 1_000_000;
        t = System.nanoTime();
        parity.parity(tb, month);
        long parityWarm = (System.nanoTime() - t) / 1_000_000;
        ReviewFigures indicators = fresh(projections);
        t = System.nanoTime();
        indicators.indicators(tb, month);
        long indicatorsCold = (System.nanoTime() - t) / 1_000_000;
        t = System.nanoTime();
        indicators.indicators(tb, month);
        long indicatorsWarm = (System.nanoTime() - t) / 1_000_000;
        System.out.printf("parity %s: cold %d ms, warm %d ms; indicators: cold %d ms, warm %d ms, after parity %d ms "
                + "[load %s]%n", MONTH, parityCold, parityWarm, indicatorsCold, indicatorsWarm, indicatorsAfter, load());
    }

    /** Where a cold read's time goes: each of the reads it makes, timed alone. */
    private static void coldParts(Projections projections, String tb) {
        var facts = projections.facts();
        long t = System.nanoTime();
        List<String> members = facts.members().withPrefix(Keys.timebank(tb)).stream()
                .map(org.reciprocity.review.facts.MemberFact::memberId).toList();
        long membersMs = (System.nanoTime() - t) / 1_000_000;
        List<String> accountIds = members.stream().map(m -> Keys.of(tb, m)).toList();
        t = System.nanoTime();
        int months = 0;
        for (YearMonth stored : List.of(MONTH.minusMonths(1), MONTH)) {
            months += facts.memberMonths().findAll(members.stream().map(m -> Keys.of(tb, stored, m)).toList()).size();
        }
        long monthsMs = (System.nanoTime() - t) / 1_000_000;
        t = System.nanoTime();
        int accounts = facts.accounts().findAll(accountIds).size();
        long accountsMs = (System.nanoTime() - t) / 1_000_000;
        t = System.nanoTime();
        int open = facts.openContributions().findAll(accountIds).size();
        long openMs = (System.nanoTime() - t) / 1_000_000;
        System.out.printf("cold read's parts: %,d members (an _id range) %d ms; %,d account-months (_id $in) %d ms; "
                + "%,d balances %d ms; %,d open-contribution documents %d ms [load %s]%n", members.size(), membersMs,
                months, monthsMs, accounts, accountsMs, open, openMs, load());
    }

    private static ReviewFigures fresh(Projections projections) {
        return new ReviewFigures(projections.facts(), Thresholds.DEFAULT, ZONE, projections.facts()::changes);
    }

    // ---- the store

    static String mongo(String backend, SharedInfrastructure infra, String database) throws Exception {
        if (backend.equals("memory")) {
            return infra.mongoUri(database);
        }
        Path dir = Path.of("review-service/target/bench-mongo-" + database);
        Files.createDirectories(dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        if (backend.equals("durable-h2")) {
            // the platform's own node (package-private): what ./mvnw -Prun starts, on the same defaults
            Method start = Class.forName("org.reciprocity.platform.MongoNode").getDeclaredMethod("start", Path.class,
                    int.class);
            start.setAccessible(true);
            start.invoke(null, dir, port);
        } else if (backend.equals("durable-h2-keymemo")) {
            // the same store, its index keys compared without re-serialising them (scripts/bench-review/)
            Method start = Class.forName("org.reciprocity.platform.BenchKeyMemoNode").getDeclaredMethod("start",
                    Path.class, int.class);
            start.setAccessible(true);
            start.invoke(null, dir, port);
        } else if (backend.equals("h2")) {
            new MongoServer(new H2Backend(dir.resolve("review.mv").toString())).bind(new InetSocketAddress("127.0.0.1", port));
        } else {
            throw new IllegalArgumentException("backend: durable-h2, durable-h2-keymemo, h2 or memory");
        }
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    // ---- the topics

    private static void createTopics(Admin admin) throws InterruptedException {
        for (Topic topic : TOPICS) {
            try {
                admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Every account's balance after what was published: the live phase's entries go on from them. */
    private static final Map<String, Long> BALANCES = new HashMap<>();

    /**
     * A timebank in use: rounds of a few new validated contributions in the month read (each round
     * folded, written and committed), then the first read of the page after each round, through the
     * same figures object as the warm reads (what a coordinator's next click meets). Each round's
     * total given is checked against the last round's plus the minutes published.
     */
    private static void measureAfterChanges(ConfigurableApplicationContext app, Admin admin, String bootstrap, String tb,
                                            int members, int transfers, int rounds) throws Exception {
        if (rounds <= 0) {
            return;
        }
        Projections projections = app.getBean(Projections.class);
        Period month = Period.month(MONTH);
        Instant now = Instant.parse("2027-01-01T00:00:00Z");
        ReviewFigures figures = fresh(projections);
        ReviewQuery all = new ReviewQuery(month, null, null, ReviewSort.NAME, false, 0, 50);
        long t0 = System.nanoTime();
        long given = figures.review(tb, all, now).givenMinutes();
        System.out.printf("live phase: first read (cold) %d ms [load %s]%n", (System.nanoTime() - t0) / 1_000_000, load());
        Random random = new Random(13);
        long[] micros = new long[rounds];
        long[] foldMillis = new long[rounds];
        int wrong = 0;
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, DomainEvent> producer = new KafkaProducer<>(config, new StringSerializer(),
                new EventSerializer("/bench"))) {
            for (int r = 0; r < rounds; r++) {
                long minutes = 0;
                int entries = 1 + random.nextInt(5);
                for (int e = 0; e < entries; e++) {
                    int i = transfers + r * 10 + e;
                    Instant at = MONTH.atDay(15).atStartOfDay(ZONE).toInstant().plusSeconds(60L * i % 86_400);
                    String giver = "m" + random.nextInt(members);
                    String receiver = "m" + random.nextInt(members);
                    if (giver.equals(receiver)) {
                        receiver = "org-1";
                    }
                    long m = 15 + random.nextInt(180);
                    minutes += m;
                    String id = "live-c" + i;
                    send(producer, new ContributionLogged(UUID.randomUUID(), at, tb, id, giver, receiver, LoggedBy.GIVER,
                            giver, null, receiver, m, LocalDate.ofInstant(at, ZONE), CoproductionKind.PEER_SUPPORT,
                            "bench", null, null, at.plus(Duration.ofDays(14))));
                    send(producer, new ContributionValidated(UUID.randomUUID(), at, tb, id, receiver, giver, receiver, m,
                            null, null, "live-t" + i));
                    send(producer, new TransferPosted(UUID.randomUUID(), at, tb, "live-t" + i, receiver, giver, m,
                            TransferReason.CONTRIBUTION, BALANCES.merge(receiver, -m, Long::sum),
                            BALANCES.merge(giver, m, Long::sum), id, null, i + 1L, "live-h" + i));
                }
                producer.flush();
                long published = System.nanoTime();
                Map<TopicPartition, Long> ends = ends(admin);
                while (!caughtUp(admin, ends)) {
                    Thread.sleep(20);
                }
                foldMillis[r] = (System.nanoTime() - published) / 1_000_000;
                ReviewQuery query = random.nextInt(4) == 0 ? all
                        : new ReviewQuery(month, null, null, ReviewSort.values()[random.nextInt(ReviewSort.values().length)],
                        random.nextBoolean(), random.nextInt(100), 50);
                long t = System.nanoTime();
                ReviewPage page = figures.review(tb, query, now);
                micros[r] = (System.nanoTime() - t) / 1_000;
                if (page.givenMinutes() != given + minutes) {
                    wrong++;
                    System.out.printf("round %d: given %,d, expected %,d%n", r, page.givenMinutes(), given + minutes);
                }
                given = page.givenMinutes();
            }
        }
        Arrays.sort(micros);
        Arrays.sort(foldMillis);
        System.out.printf("review page %s, first read after each of %d changes (1-5 new entries each, folded and "
                        + "written): p50 %.1f ms, p95 %.1f ms, max %.1f ms; totals wrong in %d rounds; fold to commit "
                        + "p50 %d ms, max %d ms [load %s, heap peak %,d MB]%n", MONTH, rounds, micros[rounds / 2] / 1e3,
                micros[(int) Math.ceil(rounds * 0.95) - 1] / 1e3, micros[rounds - 1] / 1e3, wrong,
                foldMillis[rounds / 2], foldMillis[rounds - 1], load(), peakHeap() >> 20);
    }

    private static long publish(String bootstrap, String tb, int members, int transfers) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 50, ProducerConfig.BATCH_SIZE_CONFIG, 1024 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024, ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        Random random = new Random(7);
        MemberKind[] kinds = MemberKind.values();
        CoproductionKind[] coKinds = CoproductionKind.values();
        Map<String, Long> balances = BALANCES;
        List<TransferPosted> reversible = new ArrayList<>();
        long count = 0;
        Instant start = LocalDate.of(2026, 1, 1).atStartOfDay(ZONE).toInstant();
        long step = Duration.ofDays(365).toMillis() / transfers;
        try (KafkaProducer<String, DomainEvent> producer = new KafkaProducer<>(config, new StringSerializer(),
                new EventSerializer("/bench"))) {
            for (int m = 0; m < members; m++) {
                Instant joined = start.minus(Duration.ofDays(30));
                send(producer, new MemberRegistered(UUID.randomUUID(), joined, tb, "m" + m, null, null, null, null,
                        List.of("MEMBER"), "bench"));
                // names and kinds travel on the details topic (session 11)
                send(producer, org.reciprocity.review.Details.recorded(tb, "m" + m, "Member " + m,
                        kinds[random.nextInt(kinds.length)], joined));
                count += 2;
            }
            for (int i = 0; i < transfers; i++) {
                Instant at = start.plusMillis(step * i);
                long sequence = i + 1;
                if (i % 100 == 99 && !reversible.isEmpty()) {
                    TransferPosted original = reversible.remove(random.nextInt(reversible.size()));
                    String giver = original.creditAccountId();
                    String receiver = original.debitAccountId();
                    send(producer, new TransferPosted(UUID.randomUUID(), at, tb, "t" + i, giver, receiver,
                            original.minutes(), TransferReason.REVERSAL,
                            balances.merge(giver, -original.minutes(), Long::sum),
                            balances.merge(receiver, original.minutes(), Long::sum), null, original.transferId(), sequence,
                            "h" + i));
                    count++;
                    continue;
                }
                String giver = "m" + random.nextInt(members);
                String receiver = random.nextInt(20) == 0 ? "org-" + random.nextInt(5) : "m" + random.nextInt(members);
                if (giver.equals(receiver)) {
                    receiver = "org-1";
                }
                long minutes = 15 + random.nextInt(180);
                String id = "c" + i;
                LocalDate on = LocalDate.ofInstant(at, ZONE);
                CoproductionKind kind = coKinds[random.nextInt(coKinds.length)];
                send(producer, new ContributionLogged(UUID.randomUUID(), at, tb, id, giver, receiver, LoggedBy.GIVER, giver,
                        null, receiver, minutes, on, kind, "bench", null, null, at.plus(Duration.ofDays(14))));
                send(producer, new ContributionValidated(UUID.randomUUID(), at, tb, id, receiver, giver, receiver, minutes,
                        null, null, "t" + i));
                TransferPosted posted = new TransferPosted(UUID.randomUUID(), at, tb, "t" + i, receiver, giver, minutes,
                        TransferReason.CONTRIBUTION, balances.merge(receiver, -minutes, Long::sum),
                        balances.merge(giver, minutes, Long::sum), id, null, sequence, "h" + i);
                send(producer, posted);
                if (reversible.size() < 10_000) {
                    reversible.add(posted);
                }
                count += 3;
                if (i % 50 == 0) { // logged and still waiting for its validation
                    send(producer, new ContributionLogged(UUID.randomUUID(), at, tb, "w" + i, giver, receiver,
                            LoggedBy.GIVER, giver, null, receiver, minutes, on, kind, "bench", null, null,
                            at.plus(Duration.ofDays(14))));
                    count++;
                }
            }
            producer.flush();
        }
        return count;
    }

    private static void send(KafkaProducer<String, DomainEvent> producer, DomainEvent event) {
        producer.send(new ProducerRecord<>(EventTypes.of(event).topic().name(), event.subject(), event));
    }

    // ---- progress

    private static Map<TopicPartition, Long> ends(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (Topic topic : TOPICS) {
            for (int p = 0; p < topic.partitions(); p++) {
                latest.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static Map<TopicPartition, Long> committed(Admin admin) throws Exception {
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            offsets.forEach((tp, o) -> {
                if (o != null) {
                    committed.put(tp, o.offset());
                }
            });
        }
        return committed;
    }

    private static boolean caughtUp(Admin admin, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, Long> committed = committed(admin);
        return ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private static String progress(Admin admin, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, Long> committed = committed(admin);
        StringBuilder text = new StringBuilder();
        for (Topic topic : TOPICS) {
            long done = 0;
            long all = 0;
            for (int p = 0; p < topic.partitions(); p++) {
                TopicPartition tp = new TopicPartition(topic.name(), p);
                done += committed.getOrDefault(tp, 0L);
                all += ends.getOrDefault(tp, 0L);
            }
            text.append(topic.name()).append(' ').append(String.format("%,d/%,d ", done, all));
        }
        return text.toString().trim();
    }

    // ---- the machine

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU seconds by kind of thread: the store's, the service's listeners', the broker's, the rest. */
    private static String cpuByThread() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byKind = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            String name = info.getThreadName();
            String kind = name.startsWith("mongo-server") ? "store" : name.startsWith("review.") ? "listeners"
                    : name.contains("kafka") || name.contains("broker") || name.contains("data-plane")
                    || name.contains("raft") || name.contains("controller") ? "broker" : "other";
            byKind.merge(kind, Math.max(0, nanos), Long::sum);
        }
        StringBuilder text = new StringBuilder();
        byKind.forEach((kind, nanos) -> text.append(String.format("%s %.1f s, ", kind, nanos / 1e9)));
        return text.append("(GC and compilers not counted)").toString();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
