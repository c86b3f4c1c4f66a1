package org.reciprocity.bench;

import static org.reciprocity.bench.Measure.commandLine;
import static org.reciprocity.bench.Measure.cpuMillis;
import static org.reciprocity.bench.Measure.pct;
import static org.reciprocity.bench.Measure.threadsCpuMillis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.reciprocity.platform.LocalPlatform;
import org.reciprocity.platform.PlatformConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Posts validated contributions through the real HTTP API and broker of a freshly started local
 * platform (log by the giver, then validate by the receiver), and reports the sustained rate, the
 * p50/p99 latency of each call and the end-to-end rate at which their TransferPosted events come
 * out of Kafka. Beside it, in the same run, a plain Kafka produce-consume of as many events of the
 * same size: the ceiling the ledger is measured against.
 *
 * <p>Arguments: contributions (default 10000), client threads (16), timebanks (8), members per timebank (40),
 * rate (0). With a rate (validated contributions a second) above 0 the load is an open loop: contribution
 * i starts at i/rate seconds whether or not the earlier ones have been answered, on a pool big enough not
 * to fall behind, and each latency counts from the scheduled start (a call that waited behind a slow one
 * counts its wait: no coordinated omission). With 0, the client threads post as fast as answers come.
 *
 * <p>Issue 12: each run measures the embedded store twice, on a fresh platform each time — first with
 * today's writes (H2 on disk about once a second, {@code reciprocity.mongo.durable=false}), then durable
 * (forced to the device before each answer) — and prints the two side by side.
 * {@code -Dreciprocity.bench.store=durable} (or {@code non-durable}) measures one only; a list
 * ({@code non-durable,durable,non-durable}) measures each in turn.
 */
public final class LedgerBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int timebanks = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int membersPer = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        double rate = args.length > 4 ? Double.parseDouble(args[4]) : 0;
        // every client thread keeps its connection alive (the default pool keeps 5)
        System.setProperty("http.maxConnections", Integer.toString(Math.max(64, pacedPoolSize(threads, rate))));
        // issue 12: the embedded store's durable writes against today's, one platform after the other, in one run
        // (a list such as non-durable,durable,non-durable puts the baseline on both sides of a drifting machine)
        List<Boolean> stores = Arrays.stream(System.getProperty("reciprocity.bench.store", "non-durable,durable").split(","))
                .map(store -> !store.trim().equals("non-durable")).toList();
        List<String> summary = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            summary.add(measure(stores.get(i), i * 20, total, threads, timebanks, membersPer, rate));
        }
        System.out.printf("%n| store | sustained rate | log p50 / p99 | validate p50 / p99 | store file |%n|---|---|---|---|---|%n");
        summary.forEach(System.out::println);
    }

    /** One fresh platform (on ports shifted by {@code portShift}) measured with the given store; returns a summary row. */
    private static String measure(boolean durable, int portShift, int total, int threads, int timebanks, int membersPer,
                                  double rate) throws Exception {
        // read by MongoNode when the platform starts, in this JVM
        System.setProperty("reciprocity.mongo.durable", Boolean.toString(durable));
        String store = durable ? "durable (fsync before each answer, group commit)" : "today's (H2 writes about once a second)";
        System.out.printf("%n== store: %s ==%n", store);
        Path data = Files.createTempDirectory("reciprocity-bench");
        int p = portShift;
        PlatformConfig config = PlatformConfig.fromEnvironment()
                .withPorts(data, 9392 + p, 9393 + p, 27327 + p, 9300 + p, 8381 + p, 8382 + p, 8383 + p, 3325 + p);
        try (LocalPlatform platform = new LocalPlatform(config)) {
            // stop the child processes even when the benchmark is interrupted
            Thread stopper = new Thread(platform::close);
            Runtime.getRuntime().addShutdownHook(stopper);
            platform.start(Duration.ofSeconds(180));
            String ledger = platform.url("ledger-service");
            List<Bank> banks = new ArrayList<>();
            for (int t = 0; t < timebanks; t++) {
                banks.add(setUp(platform, ledger, "bench-" + t, membersPer));
            }
            System.out.printf("platform up; %d timebanks x %d members; warming up%n", timebanks, membersPer);
            Result warm = run(ledger, banks, Math.min(2_000, total / 5), threads, null, 0);
            System.out.printf("warm-up: %d ok, %d refused, %.0f/s%n", warm.ok(), warm.refused(), warm.ok() / (warm.wallNanos() / 1e9));

            Set<String> awaited = ConcurrentHashMap.newKeySet();
            TransferWatcher watcher = new TransferWatcher(config.kafkaBootstrap(), awaited);
            watcher.start();
            // only measure once the watcher sits at the end of every partition: it must miss nothing
            watcher.ready.await();
            Map<String, Long> cpuBefore = cpuMillisByProcess();
            Result result = run(ledger, banks, total, threads, awaited, rate);
            long endToEndNanos = watcher.awaitAll(Duration.ofSeconds(120)) - result.startNanos;
            Map<String, Long> cpuAfter = cpuMillisByProcess();

            print(total, threads, timebanks, membersPer, rate, result, endToEndNanos, watcher.seen.get());
            printCpu(cpuBefore, cpuAfter, result.ok());
            watcher.interrupt(); // after printing: its consumer complains in the log as it closes
            Baseline baseline = kafkaBaseline(config.kafkaBootstrap(), total, threads);
            System.out.printf("| baseline: plain Kafka produce+consume of %d 500-byte events (acks=all, idempotent, %d threads) | %.0f events/s, latency p50 / p99 %.1f / %.1f ms |%n",
                    total, threads, total / (baseline.wallNanos() / 1e9), pct(baseline.latencies(), 50), pct(baseline.latencies(), 99));
            long fileBytes = Files.size(data.resolve("mongo").resolve("reciprocity.mv"));
            platform.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
            return String.format("| %s | %.0f validated contributions/s (%d ok, %d refused) | %.1f / %.1f ms | %.1f / %.1f ms | %.1f MiB |",
                    store, result.ok() / (result.wallNanos() / 1e9), result.ok(), result.refused(),
                    pct(result.logLatencies(), 50), pct(result.logLatencies(), 99),
                    pct(result.validateLatencies(), 50), pct(result.validateLatencies(), 99), fileBytes / 1048576.0);
        }
    }

    record Bank(String id, String adminToken, List<String> members, List<String> tokens) {
    }

    private static Bank setUp(LocalPlatform platform, String ledger, String id, int membersPer) throws Exception {
        String admin = platform.devToken("bench-admin", id, List.of("ADMIN", "COORDINATOR", "STAFF"));
        post(ledger + "/api/v1/timebanks", admin, Map.of("id", id, "name", id, "zoneId", "Europe/London"));
        HttpRequest put = HttpRequest.newBuilder(URI.create(ledger + "/api/v1/timebanks/" + id + "/policy"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("zoneId", "Europe/London",
                        "validationWindowDays", 14, "reminderHoursBeforeDeadline", List.of(24),
                        "memberMinimumMinutes", -1_000_000, "memberMaximumMinutes", 1_000_000,
                        "organisationMinimumMinutes", -1_000_000, "organisationMaximumMinutes", 1_000_000,
                        "warningMarginMinutes", 0, "logOnBehalfAllowed", true)))).build();
        HTTP.send(put, HttpResponse.BodyHandlers.ofString());
        List<String> members = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < membersPer; i++) {
            Answer r = post(ledger + "/api/v1/timebanks/" + id + "/members", admin,
                    Map.of("kind", "NEIGHBOUR", "displayName", "Member " + i));
            String member = JSON.readTree(r.body()).path("id").asText();
            members.add(member);
            tokens.add(platform.devToken(member, id, List.of("MEMBER")));
        }
        return new Bank(id, admin, members, tokens);
    }

    record Result(long startNanos, long wallNanos, int ok, int refused, long[] logLatencies, long[] validateLatencies,
                  long[] contributionLatencies, long maxLagNanos) {
    }

    /** Open loop: enough threads that each contribution may take a second at the rate without queueing. */
    static int pacedPoolSize(int threads, double rate) {
        return rate <= 0 ? threads : (int) Math.max(threads, Math.min(1_000, Math.ceil(rate)));
    }

    private static Result run(String ledger, List<Bank> banks, int total, int threads, Set<String> awaited, double rate)
            throws Exception {
        AtomicInteger refused = new AtomicInteger();
        long[] logs = new long[total];
        long[] validates = new long[total];
        long[] wholes = new long[total];
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        Contributor contributor = (n, scheduled) -> {
            Bank bank = banks.get(n % banks.size());
            int g = (n / banks.size()) % bank.members().size();
            int r = (g + 1) % bank.members().size();
            String id = UUID.randomUUID().toString();
            if (awaited != null) {
                awaited.add("c:" + id);
            }
            // closed loop: from now; open loop: from when it was due, so time spent waiting counts
            long a = scheduled == 0 ? System.nanoTime() : scheduled;
            Answer logged = post(ledger + "/api/v1/timebanks/" + bank.id() + "/contributions",
                    bank.tokens().get(g), Map.of("id", id, "side", "GIVER", "giverId", bank.members().get(g),
                            "receiverId", bank.members().get(r), "minutes", 45, "happenedOn", today,
                            "kind", "PEER_SUPPORT"));
            long b = System.nanoTime();
            Answer validated = post(ledger + "/api/v1/timebanks/" + bank.id() + "/contributions/"
                    + id + "/validation", bank.tokens().get(r), Map.of("note", "thanks"));
            long c = System.nanoTime();
            logs[n] = b - a;
            validates[n] = c - b;
            wholes[n] = c - a;
            if (logged.statusCode() != 201 || validated.statusCode() != 200) {
                if (refused.incrementAndGet() <= 3) {
                    System.out.println("refused: " + logged.statusCode() + " " + logged.body() + " / "
                            + validated.statusCode() + " " + validated.body());
                }
                if (awaited != null) {
                    awaited.remove("c:" + id);
                }
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(pacedPoolSize(threads, rate));
        List<Future<?>> work = new ArrayList<>();
        long maxLag = 0;
        long start = System.nanoTime();
        if (rate <= 0) {
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < total) {
                        contributor.contribute(n, 0);
                    }
                    return null;
                }));
            }
        } else {
            // contribution n is due at start + n/rate, answered or not the ones before it
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long now;
                while ((now = System.nanoTime()) < due) {
                    java.util.concurrent.locks.LockSupport.parkNanos(due - now);
                }
                maxLag = Math.max(maxLag, now - due);
                int n = i;
                work.add(pool.submit(() -> {
                    contributor.contribute(n, due);
                    return null;
                }));
            }
        }
        for (Future<?> f : work) {
            f.get();
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        return new Result(start, wall, total - refused.get(), refused.get(), logs, validates, wholes, maxLag);
    }

    /** Logs and validates contribution n; {@code scheduled} is when it was due (open loop), or 0. */
    private interface Contributor {
        void contribute(int n, long scheduled) throws Exception;
    }

    /** Counts TransferPosted events of the measured contributions as they come out of Kafka. */
    static final class TransferWatcher extends Thread {
        final Set<String> awaited;
        final AtomicInteger seen = new AtomicInteger();
        final String bootstrap;
        volatile long lastSeenNanos;
        final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);

        TransferWatcher(String bootstrap, Set<String> awaited) {
            super("transfer-watcher");
            this.bootstrap = bootstrap;
            this.awaited = awaited;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of("reciprocity.ledger.v1"));
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(100));
                }
                consumer.seekToEnd(consumer.assignment());
                consumer.assignment().forEach(consumer::position);
                ready.countDown();
                while (!isInterrupted()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        String transferId = JSON.readTree(record.value()).path("transferId").asText();
                        if (awaited.remove(transferId)) {
                            seen.incrementAndGet();
                            lastSeenNanos = System.nanoTime();
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // done
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        long awaitAll(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!awaited.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return lastSeenNanos;
        }
    }

    record Baseline(long wallNanos, long[] latencies) {
    }

    /** The same number of ~500-byte events produced (acks=all, idempotent) and consumed, nothing else. */
    private static Baseline kafkaBaseline(String bootstrap, int total, int threads) throws Exception {
        String topic = "bench-baseline-" + UUID.randomUUID();
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // same shape as the ledger topic: 6 partitions, one replica (the broker does not auto-create topics)
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 6, (short) 1))).all().get();
        }
        byte[] payload = new byte[500];
        Arrays.fill(payload, (byte) 'x');
        long[] sentAt = new long[total];
        long[] latencies = new long[total];
        AtomicInteger received = new AtomicInteger();
        Thread consumerThread = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, topic,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (received.get() < total) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        int n = Integer.parseInt(r.key());
                        latencies[n] = System.nanoTime() - sentAt[n];
                        received.incrementAndGet();
                    }
                }
            }
        });
        consumerThread.start();
        Thread.sleep(2_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < total) {
                        sentAt[n] = System.nanoTime();
                        producer.send(new ProducerRecord<>(topic, Integer.toString(n), payload)).get();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            consumerThread.join(120_000);
            return new Baseline(System.nanoTime() - start, latencies);
        }
    }

    /**
     * A POST over a kept-alive connection. HttpURLConnection rather than java.net.http.HttpClient:
     * the client shares the two cores with the platform it measures, and this one costs it less CPU
     * per call.
     */
    private static Answer post(String url, String token, Object body) throws Exception {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Authorization", "Bearer " + token);
        c.setRequestProperty("Content-Type", "application/json");
        byte[] json = JSON.writeValueAsBytes(body);
        c.setFixedLengthStreamingMode(json.length);
        try (java.io.OutputStream out = c.getOutputStream()) {
            out.write(json);
        }
        int status = c.getResponseCode();
        java.io.InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (in != null) {
            in.close(); // read to the end and closed: the connection goes back to the keep-alive pool
        }
        return new Answer(status, text);
    }

    /** A status and a body. */
    private record Answer(int statusCode, String body) {
    }

    private static void print(int total, int threads, int timebanks, int members, double rate, Result r,
                              long endToEndNanos, int seen) {
        double wall = r.wallNanos() / 1e9;
        System.out.println();
        System.out.printf("| measure | value |%n|---|---|%n");
        if (rate > 0) {
            System.out.printf("| load | %d contributions (log + validate) in an open loop at %.0f/s (one every %.2f ms, "
                            + "%d client threads), %d timebanks x %d members |%n",
                    total, rate, 1000 / rate, pacedPoolSize(threads, rate), timebanks, members);
        } else {
            System.out.printf("| load | %d contributions (log + validate), %d client threads, %d timebanks x %d members |%n",
                    total, threads, timebanks, members);
        }
        System.out.printf("| validated contributions | %d ok, %d refused or failed |%n", r.ok(), r.refused());
        if (rate > 0) {
            System.out.printf("| achieved rate (HTTP, log + validate) | %.0f validated contributions/s of %.0f/s offered"
                    + " (each handed to the pool at most %.1f ms after it was due) |%n", r.ok() / wall, rate, r.maxLagNanos() / 1e6);
            System.out.printf("| log call latency p50 / p99, from its scheduled start | %.1f / %.1f ms |%n",
                    pct(r.logLatencies(), 50), pct(r.logLatencies(), 99));
        } else {
            System.out.printf("| sustained rate (HTTP, log + validate) | %.0f validated contributions/s |%n", r.ok() / wall);
            System.out.printf("| log call latency p50 / p99 | %.1f / %.1f ms |%n", pct(r.logLatencies(), 50),
                    pct(r.logLatencies(), 99));
        }
        System.out.printf("| validate call latency p50 / p99 | %.1f / %.1f ms |%n", pct(r.validateLatencies(), 50),
                pct(r.validateLatencies(), 99));
        if (rate > 0) {
            System.out.printf("| contribution latency (scheduled start to validated) p50 / p99 | %.1f / %.1f ms |%n",
                    pct(r.contributionLatencies(), 50), pct(r.contributionLatencies(), 99));
        }
        System.out.printf("| TransferPosted seen on Kafka | %d of %d, end-to-end rate %.0f/s |%n", seen, r.ok(),
                seen / (endToEndNanos / 1e9));
    }

    /**
     * CPU time used so far by this JVM (the client, the watcher, mongo-java-server and the token
     * issuer) and by each child process of the platform. CPU per validated contribution says where
     * the cost is even when other work shares the machine, which wall-clock rates cannot.
     */
    private static Map<String, Long> cpuMillisByProcess() {
        Map<String, Long> cpu = new java.util.TreeMap<>();
        long all = cpuMillis(ProcessHandle.current());
        // mongo-java-server's Netty workers, which serve every service (H2's threads stay with the client,
        // as in the runs recorded so far)
        long mongo = threadsCpuMillis(name -> name.startsWith("mongo-server"));
        cpu.put("bench JVM: mongo-java-server", mongo);
        cpu.put("bench JVM: client and the rest", all - mongo);
        ProcessHandle.current().descendants().forEach(p -> {
            String command = commandLine(p);
            String name = command.contains("-exec.jar") ? command.replaceAll(".*/([a-z-]+)-exec\\.jar.*", "$1")
                    : command.contains("KafkaNode") || command.contains("kafka") ? "kafka broker" : "other " + p.pid();
            cpu.merge(name, cpuMillis(p), Long::sum);
        });
        return cpu;
    }

    private static void printCpu(Map<String, Long> before, Map<String, Long> after, int validated) {
        System.out.printf("| CPU per validated contribution, by process | ");
        long total = 0;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            total += used;
            parts.add(String.format("%s %.2f ms", e.getKey(), used / (double) Math.max(1, validated)));
        }
        System.out.printf("%s; all %.2f ms |%n", String.join(", ", parts), total / (double) Math.max(1, validated));
    }
}
