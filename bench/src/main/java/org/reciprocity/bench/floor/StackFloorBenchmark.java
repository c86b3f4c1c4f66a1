package org.reciprocity.bench.floor;

import static org.reciprocity.bench.Measure.commandLine;
import static org.reciprocity.bench.Measure.cpuMillis;
import static org.reciprocity.bench.Measure.pct;
import static org.reciprocity.bench.Measure.threadsCpuMillis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.kafka.EventSerializer;
import org.reciprocity.platform.LocalPlatform;
import org.reciprocity.platform.PlatformConfig;

/**
 * The floor of the fixed stack on this machine: what one call costs when it does nothing but what
 * every contribution call must (HTTP, Spring MVC, Spring Security with a JWT, Jackson, validation,
 * observation), then that plus one MongoDB insert, then that plus one acknowledged Kafka send.
 * Starts the local platform's broker, mongo-java-server and token issuer (no service), runs
 * {@link FloorApp} in its own JVM as the platform runs a service, and drives it with the same
 * kept-alive HttpURLConnection client as the ledger benchmark. Prints requests/s, latency and CPU
 * per request by process for each mode, and what two calls (one validated contribution) cost
 * against the 2 ms of CPU that 1,000 validated contributions/s on 2 cores leave for each.
 *
 * <p>Arguments: requests per mode (default 20000), client threads (16), modes (echo,insert,publish).
 * Ports: 95xx/84xx, beside a developer's platform and the ledger benchmark.
 */
public final class StackFloorBenchmark {

    private static final int APP_PORT = 8480;
    private static final String TIMEBANK = "floor-bank";
    private static final String DESCRIPTION = "Helped with the weekly shopping, then a cup of tea and a chat";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        // every client thread keeps its connection alive (the default pool keeps 5)
        System.setProperty("http.maxConnections", "64");
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        List<String> modes = Arrays.asList((args.length > 2 ? args[2] : "echo,insert,publish").split(","));
        // the platform's infrastructure and issuer only: no service's name matches
        System.setProperty("reciprocity.services", "none");
        Path data = Files.createTempDirectory("floor-bench");
        PlatformConfig config = PlatformConfig.fromEnvironment()
                .withPorts(data, 9592, 9593, 27527, 9500, 8481, 8482, 8483, 3525);
        LocalPlatform platform = new LocalPlatform(config);
        Process[] app = new Process[1];
        // stop the child processes even when the benchmark is interrupted: the app before the broker
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(app[0]);
            platform.close();
        }));
        try {
            platform.start(Duration.ofSeconds(180));
            Path log = data.resolve("logs").resolve("floor-app.log");
            app[0] = startApp(config, log);
            awaitHealthy(app[0], log, Duration.ofSeconds(180));
            String url = "http://127.0.0.1:" + APP_PORT + "/api/v1/timebanks/" + TIMEBANK + "/floor/";
            String token = platform.devToken("floor-giver", TIMEBANK, List.of("MEMBER"));
            System.out.printf("floor app up (log: %s); event on Kafka: %s%n", log, eventSize());

            // what the processes use doing nothing (scheduled sweeps, metrics, the broker's housekeeping)
            Map<String, Long> idleBefore = cpuMillisByProcess();
            Thread.sleep(5_000);
            Map<String, Long> idleAfter = cpuMillisByProcess();
            List<String> idle = new ArrayList<>();
            idleAfter.forEach((process, ms) -> idle.add(String.format("%s %.1f", process,
                    (ms - idleBefore.getOrDefault(process, 0L)) / 5.0)));
            System.out.println("idle CPU, ms per second: " + String.join(", ", idle));

            Map<String, Row> rows = new LinkedHashMap<>();
            for (String mode : modes) {
                Result warm = run(url + mode, token, Math.min(5_000, Math.max(1, total / 4)), threads);
                System.out.printf("%s warm-up: %d ok, %d failed, %.0f/s%n", mode, warm.ok(), warm.failed(),
                        warm.ok() / (warm.wallNanos() / 1e9));
                Map<String, Long> before = cpuMillisByProcess();
                Result result = run(url + mode, token, total, threads);
                Map<String, Long> after = cpuMillisByProcess();
                Map<String, Double> perRequest = new LinkedHashMap<>();
                for (String process : after.keySet()) {
                    perRequest.put(process, (after.get(process) - before.getOrDefault(process, 0L)) / (double) Math.max(1, result.ok()));
                }
                rows.put(mode, new Row(result, perRequest));
                System.out.printf("%s: %d ok, %d failed, %.0f/s%n", mode, result.ok(), result.failed(),
                        result.ok() / (result.wallNanos() / 1e9));
            }
            print(total, threads, rows);
        } finally {
            stop(app[0]);
            platform.close();
        }
    }

    /** Like the platform's ServiceNode: its own JVM, -Xmx512m, configured through the environment. */
    private static Process startApp(PlatformConfig config, Path log) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), FloorApp.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of(
                "PORT", Integer.toString(APP_PORT),
                "MONGODB_URI", config.mongoUri("floor"),
                "KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap(),
                "JWK_SET_URI", config.jwkSetUri(),
                "JWT_ISSUER", config.issuer(),
                "JWT_AUDIENCE", config.audience()));
        return builder.start();
    }

    private static void awaitHealthy(Process app, Path log, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the floor app stopped while starting; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + APP_PORT + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().strip().endsWith("\"status\":\"UP\"}")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the floor app was not healthy in time; see " + log);
            }
            Thread.sleep(500);
        }
    }

    private static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The size of the event publish sends, serialized as the kit's producer does. */
    private static String eventSize() {
        FloorApp.Contribution c = new FloorApp.Contribution(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), 45, LocalDate.now(), CoproductionKind.PEER_SUPPORT, DESCRIPTION);
        RecordHeaders headers = new RecordHeaders();
        try (EventSerializer serializer = new EventSerializer("/floor-app")) {
            byte[] value = serializer.serialize(Topics.CONTRIBUTIONS_TOPIC, headers, FloorApp.event(TIMEBANK, c, Instant.now()));
            int headerBytes = 0;
            for (Header h : headers) {
                headerBytes += h.key().length() + h.value().length;
            }
            return String.format("%d bytes of JSON value + %d bytes of CloudEvents headers", value.length, headerBytes);
        }
    }

    record Result(long wallNanos, int ok, int failed, long[] latencies) {
    }

    record Row(Result result, Map<String, Double> cpuPerRequest) {
    }

    /** {@code total} POSTs of distinct contributions from {@code threads} threads, each as fast as answers come. */
    private static Result run(String url, String token, int total, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long[] latencies = new long[total];
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String giver = UUID.randomUUID().toString();
        String receiver = UUID.randomUUID().toString();
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < total) {
                    String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"giverId\":\"" + giver + "\",\"receiverId\":\""
                            + receiver + "\",\"minutes\":45,\"happenedOn\":\"" + today
                            + "\",\"kind\":\"PEER_SUPPORT\",\"description\":\"" + DESCRIPTION + "\"}";
                    long a = System.nanoTime();
                    int[] status = new int[1];
                    String answer = post(url, token, body, status);
                    latencies[n] = System.nanoTime() - a;
                    if (status[0] != 200 && status[0] != 201) {
                        if (failed.incrementAndGet() <= 3) {
                            System.out.println("failed: " + status[0] + " " + answer);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        return new Result(wall, total - failed.get(), failed.get(), latencies);
    }

    /** A POST over a kept-alive connection (as LedgerBenchmark: cheaper for the client than HttpClient). */
    private static String post(String url, String token, String body, int[] status) throws IOException {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Authorization", "Bearer " + token);
        c.setRequestProperty("Content-Type", "application/json");
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        c.setFixedLengthStreamingMode(json.length);
        try (java.io.OutputStream out = c.getOutputStream()) {
            out.write(json);
        }
        status[0] = c.getResponseCode();
        java.io.InputStream in = status[0] >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (in != null) {
            in.close(); // read to the end and closed: the connection goes back to the keep-alive pool
        }
        return text;
    }

    private static final String CLIENT = "client JVM (excl. mongo-java-server and H2)";
    private static final String MONGO = "mongo-java-server and H2 threads";
    private static final String BROKER = "Kafka broker";
    private static final String APP = "FloorApp";

    /**
     * CPU time used so far by this JVM (split into mongo-java-server's threads and the rest: the
     * client, the token issuer) and by each child process, by the operating system's accounting.
     */
    private static Map<String, Long> cpuMillisByProcess() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        long all = cpuMillis(ProcessHandle.current());
        long mongo = threadsCpuMillis(StackFloorBenchmark::isMongoServerThread);
        cpu.put(CLIENT, all - mongo);
        cpu.put(MONGO, mongo);
        cpu.put(BROKER, 0L);
        cpu.put(APP, 0L);
        ProcessHandle.current().descendants().forEach(p -> {
            String command = commandLine(p);
            String name = command.contains(FloorApp.class.getName()) ? APP
                    : command.contains("kafka.Kafka") ? BROKER : "other " + p.pid();
            cpu.merge(name, cpuMillis(p), Long::sum);
        });
        return cpu;
    }

    /**
     * mongo-java-server's threads: its Netty workers (mongo-server-*) and H2's background writer and
     * executors (MVStore background writer ..., H2-save, H2-serialization), which store what they
     * wrote. Its allocations' garbage is collected by this JVM's GC threads, counted with the client.
     */
    private static boolean isMongoServerThread(String name) {
        return name.startsWith("mongo-server") || name.startsWith("MVStore") || name.startsWith("H2-");
    }

    private static void print(int total, int threads, Map<String, Row> rows) {
        System.out.println();
        System.out.printf("%d requests per mode, %d client threads, %d cores%n%n", total, threads,
                Runtime.getRuntime().availableProcessors());
        List<String> processes = new ArrayList<>();
        rows.values().forEach(r -> r.cpuPerRequest().keySet().forEach(p -> {
            if (!processes.contains(p)) {
                processes.add(p);
            }
        }));
        StringBuilder head = new StringBuilder("| mode | requests/s | p50 / p99 ms |");
        StringBuilder line = new StringBuilder("|---|---|---|");
        for (String p : processes) {
            head.append(" CPU ms/req: ").append(p).append(" |");
            line.append("---|");
        }
        head.append(" CPU ms/req: total | CPU ms/req: server side (total less client) |");
        line.append("---|---|");
        System.out.println(head);
        System.out.println(line);
        Map<String, Double> totals = new LinkedHashMap<>();
        Map<String, Double> serverSide = new LinkedHashMap<>();
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Result r = e.getValue().result();
            StringBuilder row = new StringBuilder(String.format("| %s | %.0f | %.1f / %.1f |", e.getKey(),
                    r.ok() / (r.wallNanos() / 1e9), pct(r.latencies(), 50), pct(r.latencies(), 99)));
            double sum = 0;
            for (String p : processes) {
                double v = e.getValue().cpuPerRequest().getOrDefault(p, 0.0);
                sum += v;
                row.append(String.format(" %.3f |", v));
            }
            double server = sum - e.getValue().cpuPerRequest().getOrDefault(CLIENT, 0.0);
            row.append(String.format(" %.3f | %.3f |", sum, server));
            totals.put(e.getKey(), sum);
            serverSide.put(e.getKey(), server);
            System.out.println(row);
        }
        System.out.println();
        int cores = Runtime.getRuntime().availableProcessors();
        double budget = cores * 1000.0 / 1000; // ms of CPU per validated contribution at 1,000/s
        for (String mode : List.of("publish", "insert", "echo")) {
            if (totals.containsKey(mode)) {
                System.out.printf("Floor of one validated contribution (2 x %s): %.2f ms CPU with the client, %.2f ms server side;"
                                + " budget at 1,000/s on %d cores: %.2f ms (%.1fx / %.1fx the budget) -> at most %.0f/s on this stack%n",
                        mode, 2 * totals.get(mode), 2 * serverSide.get(mode), cores, budget,
                        2 * totals.get(mode) / budget, 2 * serverSide.get(mode) / budget,
                        cores * 1000.0 / (2 * totals.get(mode)));
            }
        }
    }
}
