package org.reciprocity.bench.crash;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Issue 19: does a request wait on the broker? Runs the local platform as the crash suite does (the
 * launcher in its own process), keeps coordinators registering members and members logging hours
 * through the ledger's API, and measures each call's latency in three phases: the broker running;
 * the broker away ({@code kill -9}, and killed again each time the launcher starts it, for the
 * outage's length, then until it answers again); the broker back. Then it reads the members' and
 * contributions' topics and checks that every acknowledged registration and logging was published
 * exactly once (one record, not two with the same event).
 *
 * <p>Arguments: seconds per phase (30), seconds of outage (30), first port (9650; ten ports from
 * it). Run with {@code scripts/bench-broker-outage.sh}; see docs/reliability.md.
 */
public final class BrokerOutageBench {

    private static final String MEMBERS_TOPIC = "reciprocity.members.v1";
    private static final String CONTRIBUTIONS_TOPIC = "reciprocity.contributions.v1";
    private static final int LOGGING_MEMBERS = 8;
    private static final int REGISTRARS = 2;
    private static final int LOGGERS = 4;
    /** Between two calls of one worker: a steady load, not the most the machine can take. */
    private static final long THINK_MILLIS = 20;
    /** The services' code compiled and their caches filled before anything is counted. */
    private static final Duration WARM_UP = Duration.ofSeconds(20);

    /** One answered (or failed) call: what, in which phase, how long, and whether it was the expected answer. */
    private record Call(String operation, String phase, double millis, boolean ok) {
    }

    private final Launcher launcher;
    private final String timebank = "outage-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> members = new ArrayList<>();
    private volatile List<String> tokens = List.of();
    private volatile String coordinatorToken;
    private volatile String phase = "warming up";
    private volatile boolean running = true;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    /** Acknowledged writes: member ids registered (201), contribution ids logged (201). */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    private BrokerOutageBench(Launcher launcher) {
        this.launcher = launcher;
    }

    public static void main(String[] args) throws Exception {
        int phaseSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int outageSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int firstPort = args.length > 2 ? Integer.parseInt(args[2]) : 9650;
        Path project = Path.of(System.getProperty("reciprocity.project.dir", ".")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("reciprocity-outage");
        boolean passed;
        try (Launcher launcher = new Launcher(project, data, firstPort)) {
            launcher.start();
            if (!launcher.awaitHealthy(Duration.ofSeconds(300))) {
                say("the platform did not start; its console: %s%n%s", data.resolve("launcher-console.log"),
                        CrashSuite.tail(data.resolve("launcher-console.log"), 30));
                System.exit(2);
            }
            passed = new BrokerOutageBench(launcher).run(Duration.ofSeconds(phaseSeconds), Duration.ofSeconds(outageSeconds));
        }
        System.exit(passed ? 0 : 1);
    }

    private boolean run(Duration phaseLength, Duration outage) throws Exception {
        String loadBefore = loadAverage();
        prepare();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < REGISTRARS; i++) {
            workers.add(worker("registrar-" + i, this::register));
        }
        for (int i = 0; i < LOGGERS; i++) {
            int lane = i;
            workers.add(worker("logger-" + i, () -> log(lane)));
        }
        say("warming up (not counted), %d s", WARM_UP.toSeconds());
        Thread.sleep(WARM_UP.toMillis());
        phase = "broker running";
        say("phase 1: the broker running, %d s", phaseLength.toSeconds());
        Thread.sleep(phaseLength.toMillis());

        phase = "broker away";
        Instant killedAt = Instant.now();
        int kills = 0;
        say("phase 2: kill -9 of the broker, and again at each restart, for %d s", outage.toSeconds());
        while (Duration.between(killedAt, Instant.now()).compareTo(outage) < 0) {
            var broker = launcher.child("kafka");
            if (broker.isPresent() && broker.get().isAlive()) {
                broker.get().destroyForcibly();
                broker.get().onExit().get();
                kills++;
            }
            Thread.sleep(100);
        }
        say("broker killed %d time(s); waiting for it to answer again", kills);
        awaitBroker(Duration.ofSeconds(180));
        double awaySeconds = Duration.between(killedAt, Instant.now()).toMillis() / 1000.0;

        phase = "broker back";
        say("phase 3: the broker back (away %.1f s), %d s", awaySeconds, phaseLength.toSeconds());
        Thread.sleep(phaseLength.toMillis());
        running = false;
        for (Thread worker : workers) {
            worker.join(30_000);
        }
        String loadAfter = loadAverage();

        say("load stopped: %d registrations and %d loggings acknowledged; reading the topics", registered.size(),
                logged.size());
        Map<String, Integer> registrations = new HashMap<>();
        Map<String, Integer> loggings = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        do {
            registrations = count(MEMBERS_TOPIC, "reciprocity.MemberRegistered.v1");
            loggings = count(CONTRIBUTIONS_TOPIC, "reciprocity.ContributionLogged.v1");
            if (registrations.keySet().containsAll(registered) && loggings.keySet().containsAll(logged)) {
                break;
            }
            Thread.sleep(2_000);
        } while (System.nanoTime() < deadline);

        System.out.println("-".repeat(78));
        System.out.printf("timebank %s; broker away %.1f s (%d kill -9); load average %s before, %s after%n", timebank,
                awaySeconds, kills, loadBefore, loadAfter);
        System.out.println("| phase | call | answered | p50 ms | p99 ms | max ms | failed |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String p : List.of("broker running", "broker away", "broker back")) {
            for (String op : List.of("register a member", "log hours")) {
                List<Call> of = calls.stream().filter(c -> c.phase().equals(p) && c.operation().equals(op)).toList();
                double[] millis = of.stream().filter(Call::ok).mapToDouble(Call::millis).sorted().toArray();
                System.out.printf("| %s | %s | %d | %.0f | %.0f | %.0f | %d |%n", p, op, millis.length, percentile(millis, 50),
                        percentile(millis, 99), millis.length == 0 ? 0 : millis[millis.length - 1],
                        of.stream().filter(c -> !c.ok()).count());
            }
        }
        boolean ok = true;
        ok &= check("every acknowledged registration published exactly once", registered, registrations);
        ok &= check("every acknowledged logging published exactly once", logged, loggings);
        System.out.println(ok ? "PASSED" : "FAILED");
        return ok;
    }

    private boolean check(String what, Set<String> acknowledged, Map<String, Integer> published) {
        List<String> missing = acknowledged.stream().filter(id -> !published.containsKey(id)).toList();
        List<String> twice = published.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        boolean ok = missing.isEmpty() && twice.isEmpty();
        System.out.printf("%s %s: %d acknowledged, %d missing%s, %d published more than once%s%n", ok ? "PASS" : "FAIL", what,
                acknowledged.size(), missing.size(), sample(missing), twice.size(), sample(twice));
        return ok;
    }

    private void prepare() throws Exception {
        coordinatorToken = launcher.token("outage-admin", timebank, "ADMIN,COORDINATOR,STAFF");
        String base = launcher.url("ledger-service") + "/api/v1/timebanks";
        expect(Load.post(base, coordinatorToken, Map.of("id", timebank, "name", "Broker outage", "zoneId", "Europe/London")), 201);
        expect(Load.send("PUT", base + "/" + timebank + "/policy", coordinatorToken, Map.of("zoneId", "Europe/London",
                "validationWindowDays", 14, "reminderHoursBeforeDeadline", List.of(24),
                "memberMinimumMinutes", -1_000_000, "memberMaximumMinutes", 1_000_000,
                "organisationMinimumMinutes", -1_000_000, "organisationMaximumMinutes", 1_000_000,
                "warningMarginMinutes", 0, "logOnBehalfAllowed", true)), 200);
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < LOGGING_MEMBERS; i++) {
            HttpResponse<String> answer = expect(Load.post(base + "/" + timebank + "/members", coordinatorToken,
                    Map.of("kind", "NEIGHBOUR", "displayName", "Logger " + i)), 201);
            String id = Load.JSON.readTree(answer.body()).path("id").asText();
            members.add(id);
            registered.add(id);
            fresh.add(launcher.token(id, timebank, "MEMBER"));
        }
        tokens = fresh;
    }

    private Thread worker(String name, Runnable call) {
        Thread thread = new Thread(() -> {
            while (running) {
                call.run();
                try {
                    Thread.sleep(THINK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "outage-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void register() {
        String base = launcher.url("ledger-service") + "/api/v1/timebanks/" + timebank + "/members";
        timed("register a member", () -> Load.post(base, coordinatorToken, Map.of("kind", "NEIGHBOUR",
                "displayName", "Outage " + UUID.randomUUID().toString().substring(0, 6))), 201, body -> registered.add(
                Load.JSON.readTree(body).path("id").asText()));
    }

    private int logs;
    private final java.util.concurrent.atomic.AtomicBoolean refusalTold = new java.util.concurrent.atomic.AtomicBoolean();

    private void log(int lane) {
        int n;
        synchronized (this) {
            n = logs++;
        }
        int giver = (n + lane) % LOGGING_MEMBERS;
        int receiver = (giver + 1) % LOGGING_MEMBERS;
        String id = "outage-" + UUID.randomUUID();
        String url = launcher.url("ledger-service") + "/api/v1/timebanks/" + timebank + "/contributions";
        Map<String, Object> body = Map.of("id", id, "side", "GIVER", "giverId", members.get(giver),
                "receiverId", members.get(receiver), "minutes", 30,
                "happenedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(), "kind", "PEER_SUPPORT");
        timed("log hours", () -> Load.post(url, tokens.get(giver), body), 201, answer -> logged.add(id));
    }

    private interface Send {
        HttpResponse<String> send() throws Exception;
    }

    private interface Acknowledged {
        void with(String body) throws Exception;
    }

    private void timed(String operation, Send send, int expected, Acknowledged acknowledged) {
        String during = phase;
        long start = System.nanoTime();
        boolean ok;
        try {
            HttpResponse<String> answer = send.send();
            ok = answer.statusCode() == expected;
            if (ok) {
                acknowledged.with(answer.body());
            } else if (refusalTold.compareAndSet(false, true)) {
                say("first refusal (%s, %s): %d %s", operation, during, answer.statusCode(), answer.body());
            }
        } catch (Exception e) {
            ok = false;
        }
        calls.add(new Call(operation, during, (System.nanoTime() - start) / 1e6, ok));
    }

    /** Waits until the broker answers a metadata request again. */
    private void awaitBroker(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, launcher.kafkaBootstrap(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000))) {
                admin.describeTopics(List.of(MEMBERS_TOPIC, CONTRIBUTIONS_TOPIC)).allTopicNames().get();
                return;
            } catch (Exception e) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the broker did not come back within " + timeout);
    }

    /** How many records of {@code type} each key has on {@code topic}, from its beginning to its current end. */
    private Map<String, Integer> count(String topic, String type) {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, launcher.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "outage-audit-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header header = record.headers().lastHeader("ce_type");
                    if (header != null && type.equals(new String(header.value(), StandardCharsets.UTF_8))) {
                        counts.merge(record.key(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    private static String sample(List<String> items) {
        return items.isEmpty() ? "" : " (e.g. " + items.stream().limit(3).collect(Collectors.joining(", ")) + ")";
    }

    private static void say(String format, Object... args) {
        System.out.printf("[broker-outage] " + format + "%n", args);
    }
}
