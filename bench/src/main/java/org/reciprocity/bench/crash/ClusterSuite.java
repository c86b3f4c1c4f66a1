package org.reciprocity.bench.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Issue 19: the services on a cluster of three KRaft brokers (each its own process, every topic on
 * three replicas, {@code min.insync.replicas} 2), as the local launcher runs it with
 * {@code reciprocity.kafka.brokers=3}. Members log and validate contributions and a coordinator
 * registers members ({@link Load}) while the suite {@code kill -9}s one broker — the active controller
 * and the leader of the busiest partition in turn — lets the launcher start it again, and waits until
 * it is back in the cluster and every partition has its three replicas in sync before the next kill.
 * Then it checks what members and coordinators were told against the ledger's store and the topics
 * ({@link Audit}: nothing acknowledged lost or doubled, no phantom event) and that every service's
 * consumers caught up (and their read models hold every acknowledged registration), and prints
 * {@code N passed, M failed}.
 *
 * <p>Arguments: failovers (default 10), seconds of load before each kill (default 6), first port (9700;
 * fifteen from it). Run with {@code scripts/cluster-suite.sh}; see docs/reliability.md.
 */
public final class ClusterSuite {

    /** The services whose consumers must catch up (and the ledger, which takes the writes). */
    static final List<String> SERVICES = List.of("ledger-service", "matching-service", "notification-service", "review-service");
    /**
     * The services' consumer groups, named after their listeners ({@code matching.profiles},
     * {@code review.ledger}, {@code ledger.matches}, ...; docs/architecture.md); not notification's
     * {@code notification-live-<uuid>} groups (each instance's own, reading from the end: nothing to catch up).
     */
    static final List<String> CONSUMER_GROUP_PREFIXES = List.of("ledger.", "matching.", "notification.", "review.");
    /** The topics whose busiest partition's leader is a target: the ones the load writes. */
    private static final List<String> BUSY_TOPICS = List.of(Audit.CONTRIBUTIONS_TOPIC, Audit.LEDGER_TOPIC, Audit.MEMBERS_TOPIC);

    public record Settings(Path projectDir, Path dataDir, int failovers, Duration loadBeforeKill, int firstPort,
                           Duration recoveryTimeout) {
    }

    /** One kill: which broker and why, and how long until it was back and the cluster whole again. */
    public record Failover(int cycle, String aim, int broker, boolean wasController, int newController, double tookOver,
                           double backInCluster, double allInSync, long calls, long failedCalls, String loadAverage) {

        @Override
        public String toString() {
            return String.format("failover %d: kill -9 of broker %d (%s%s); %s %.1f s after the kill (controller then: %d);"
                    + " restarted broker back in the cluster %.1f s, every partition 3 in sync %.1f s; %d calls during the"
                    + " cycle, %d failed; load %s", cycle, broker, aim,
                    wasController && !aim.equals("the active controller") ? ", also the controller" : "",
                    aim.equals("the active controller") ? "new controller elected" : "new leader for the partition", tookOver,
                    newController, backInCluster, allInSync, calls, failedCalls, loadAverage);
        }
    }

    public record Report(List<CrashSuite.Check> checks, List<Failover> failovers, Load.Figures load, double catchUpSeconds) {

        public long passed() {
            return checks.stream().filter(CrashSuite.Check::passed).count();
        }

        public long failed() {
            return checks.size() - passed();
        }
    }

    public static void main(String[] args) throws Exception {
        int failovers = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int loadSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int firstPort = args.length > 2 ? Integer.parseInt(args[2]) : 9700;
        Path project = Path.of(System.getProperty("reciprocity.project.dir", ".")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("reciprocity-cluster");
        Duration recovery = Duration.ofSeconds(Long.getLong("reciprocity.crash.recovery-seconds", 300));
        say("machine: %d cores, load average %s; data in %s", Runtime.getRuntime().availableProcessors(), loadAverage(), data);
        Report report = run(new Settings(project, data, failovers, Duration.ofSeconds(loadSeconds), firstPort, recovery));
        print(report);
        System.exit(report.failed() == 0 ? 0 : 1);
    }

    public static Report run(Settings settings) throws Exception {
        try (Launcher launcher = new Launcher(settings.projectDir(), settings.dataDir(), settings.firstPort(), 3, SERVICES)) {
            launcher.start();
            return run(launcher, settings);
        }
    }

    /** The suite on a launcher already started (with three brokers and {@link #SERVICES}); leaves it running. */
    static Report run(Launcher launcher, Settings settings) throws Exception {
        List<CrashSuite.Check> checks = new ArrayList<>();
        List<Failover> failovers = new ArrayList<>();
        // a first start formats three brokers' storage and starts every JVM: twice a recovery's time
        boolean started = launcher.awaitHealthy(settings.recoveryTimeout().multipliedBy(2));
        checks.add(CrashSuite.check("the platform starts on three brokers", started, ""));
        if (!started) {
            return new Report(checks, failovers, new Load.Figures(0, 0, 0, 0, 0), 0);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, launcher.kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            checks.add(topicsDeclaredForACluster(admin));
            Load load = Load.prepare(launcher, "cluster").withRegistrars(1);
            for (int cycle = 1; cycle <= settings.failovers(); cycle++) {
                boolean whole = awaitWhole(admin, launcher, settings.recoveryTimeout());
                if (!whole) {
                    checks.add(CrashSuite.check("failover " + cycle + ": the cluster whole before the kill", false, describe(admin)));
                    break;
                }
                load.startRunning(launcher);
                long callsBefore = load.calls();
                long failedBefore = load.failedCalls();
                Thread.sleep(settings.loadBeforeKill().toMillis());
                Failover failover = killAndRecover(admin, launcher, load, settings, cycle, callsBefore, failedBefore, checks);
                if (failover != null) {
                    failovers.add(failover);
                }
                load.stopRunning();
            }
            long stoppedAt = System.nanoTime();
            say("load stopped; waiting for the outboxes to drain and the consumers to catch up");
            Audit audit = new Audit(launcher, load);
            checks.addAll(audit.run(Duration.ofSeconds(180)));
            checks.addAll(audit.eventsExactlyOnce());
            Optional<Double> caughtUp = awaitConsumersCaughtUp(admin, stoppedAt, settings.recoveryTimeout());
            checks.add(CrashSuite.check("the consumers caught up (every group of matching, notification, review and the ledger:"
                            + " lag 0 on every partition of the topics it reads)",
                    caughtUp.isPresent(), caughtUp.map(s -> String.format("%.1f s after the load stopped", s))
                            .orElseGet(() -> lag(admin).toString())));
            checks.addAll(audit.readModels());
            return new Report(checks, failovers, load.figures(), caughtUp.orElse(-1.0));
        }
    }

    /** Every topic of the catalogue on three replicas with {@code min.insync.replicas} 2 (what the services declared). */
    private static CrashSuite.Check topicsDeclaredForACluster(Admin admin) throws Exception {
        Set<String> topics = admin.listTopics().names().get().stream().filter(t -> t.startsWith("reciprocity.")).collect(Collectors.toSet());
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, org.apache.kafka.clients.admin.Config> configs = admin.describeConfigs(resources).all().get();
        List<String> wrong = new ArrayList<>();
        for (String topic : topics) {
            boolean threeReplicas = described.get(topic).partitions().stream().allMatch(p -> p.replicas().size() == 3);
            String minInSync = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic)).get("min.insync.replicas").value();
            if (!threeReplicas || !"2".equals(minInSync)) {
                wrong.add(topic + " (min.insync.replicas " + minInSync + ")");
            }
        }
        return CrashSuite.check("every topic on 3 replicas with min.insync.replicas 2", !topics.isEmpty() && wrong.isEmpty(),
                topics.size() + " topics" + (wrong.isEmpty() ? "" : ", not so: " + wrong));
    }

    private static Failover killAndRecover(Admin admin, Launcher launcher, Load load, Settings settings, int cycle, long callsBefore,
                                           long failedBefore, List<CrashSuite.Check> checks) throws Exception {
        int controller = admin.describeMetadataQuorum().quorumInfo().get().leaderId();
        String aim;
        int victim;
        TopicPartition led = null;
        if (cycle % 2 == 1) {
            aim = "the active controller";
            victim = controller;
        } else {
            Map.Entry<TopicPartition, Integer> busiest = busiestPartitionLeader(admin, controller);
            led = busiest.getKey();
            aim = "leader of " + led + ", the busiest partition";
            victim = busiest.getValue();
        }
        String name = "kafka-" + victim;
        ProcessHandle process = launcher.child(name).orElseThrow(() -> new IllegalStateException("no running process for " + name));
        String loadAverage = loadAverage();
        say("failover %d of %d: kill -9 of broker %d (%s; pid %d), controller %d", cycle, settings.failovers(), victim, aim,
                process.pid(), controller);
        long killedAt = System.nanoTime();
        process.destroyForcibly();
        process.onExit().get();
        long deadline = killedAt + settings.recoveryTimeout().toNanos();
        // first the others take over (a new controller, or a new leader for the partition), so that what
        // follows is not the cluster's view from before the kill; then the restarted broker answers on its
        // own address and counts itself among the live brokers; then every partition has its replicas in sync
        double tookOver = -1;
        double backInCluster = -1;
        double allInSync = -1;
        int newController = -1;
        try (Admin own = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, launcher.kafkaAddress(victim),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
            while (System.nanoTime() < deadline) {
                if (tookOver < 0) {
                    int leader = led == null ? currentController(admin) : partitionLeader(admin, led);
                    if (leader >= 0 && leader != victim) {
                        tookOver = seconds(killedAt);
                        newController = currentController(admin);
                    }
                } else if (backInCluster < 0) {
                    boolean restarted = launcher.child(name).map(p -> p.pid() != process.pid() && p.isAlive()).orElse(false);
                    if (restarted && inCluster(own, victim)) {
                        backInCluster = seconds(killedAt);
                    }
                } else if (underReplicated(admin).isEmpty()) {
                    allInSync = seconds(killedAt);
                    break;
                }
                Thread.sleep(250);
            }
        }
        boolean healthy = allInSync >= 0 && launcher.awaitHealthy(Duration.ofSeconds(Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000)));
        checks.add(CrashSuite.check(String.format("failover %d: broker %d (%s) started again by the launcher, back in the cluster,"
                + " every partition 3 in sync, every service healthy", cycle, victim, aim), healthy,
                allInSync >= 0 ? String.format("taken over %.1f s, back %.1f s, in sync %.1f s", tookOver, backInCluster, allInSync)
                        : "not whole in time: " + describe(admin)));
        // a little load on the whole cluster before the next kill
        Thread.sleep(1_000);
        return new Failover(cycle, aim, victim, victim == controller, newController, tookOver, backInCluster, allInSync,
                load.calls() - callsBefore, load.failedCalls() - failedBefore, loadAverage);
    }

    /**
     * The partition of the load's topics with the most records, led by a broker other than the
     * controller when one is (so that the cycles alternate between the two roles); and its leader.
     */
    private static Map.Entry<TopicPartition, Integer> busiestPartitionLeader(Admin admin, int controller) throws Exception {
        Map<String, TopicDescription> described = admin.describeTopics(BUSY_TOPICS).allTopicNames().get();
        Map<TopicPartition, Integer> leaders = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> {
            if (p.leader() != null) {
                leaders.put(new TopicPartition(d.name(), p.partition()), p.leader().id());
            }
        }));
        Map<TopicPartition, OffsetSpec> latest = leaders.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        Comparator<TopicPartition> byRecords = Comparator.comparing(tp -> ends.getOrDefault(tp, 0L));
        TopicPartition busiest = leaders.keySet().stream().filter(tp -> leaders.get(tp) != controller).max(byRecords)
                .orElseGet(() -> leaders.keySet().stream().max(byRecords).orElseThrow());
        return Map.entry(busiest, leaders.get(busiest));
    }

    private static int partitionLeader(Admin admin, TopicPartition partition) {
        try {
            TopicPartitionInfo info = admin.describeTopics(List.of(partition.topic())).allTopicNames().get(5, TimeUnit.SECONDS)
                    .get(partition.topic()).partitions().get(partition.partition());
            return info.leader() == null ? -1 : info.leader().id();
        } catch (Exception e) {
            return -1;
        }
    }

    private static boolean inCluster(Admin admin, int broker) {
        try {
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream().anyMatch(n -> n.id() == broker);
        } catch (Exception notYet) {
            return false;
        }
    }

    private static int currentController(Admin admin) {
        try {
            return admin.describeMetadataQuorum().quorumInfo().get(5, TimeUnit.SECONDS).leaderId();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Partitions (of every topic, the internal ones too) with fewer in-sync replicas than replicas; one "?" when it cannot say. */
    private static List<String> underReplicated(Admin admin) {
        try {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(5, TimeUnit.SECONDS);
            List<String> under = new ArrayList<>();
            for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                for (TopicPartitionInfo p : d.partitions()) {
                    if (p.isr().size() < p.replicas().size() || p.leader() == null) {
                        under.add(d.name() + "-" + p.partition() + " isr " + p.isr().stream().map(n -> n.id()).toList());
                    }
                }
            }
            return under;
        } catch (Exception e) {
            return List.of("? " + e.getMessage());
        }
    }

    /** Waits until the brokers are three and every partition has its replicas in sync. */
    private static boolean awaitWhole(Admin admin, Launcher launcher, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == 3 && underReplicated(admin).isEmpty()) {
                    return launcher.awaitHealthy(Duration.ofSeconds(Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000)));
                }
            } catch (Exception notYet) {
                // asked again below
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static String describe(Admin admin) {
        List<String> under = underReplicated(admin);
        return "controller " + currentController(admin) + ", " + under.size() + " partitions not whole"
                + (under.isEmpty() ? "" : ", e.g. " + under.stream().limit(3).toList());
    }

    /**
     * Waits until every service's consumer group has committed, on every partition of the topics it
     * reads, the partition's end: all that was published has been applied to its read models.
     * Answers the seconds since {@code since}.
     */
    private static Optional<Double> awaitConsumersCaughtUp(Admin admin, long since, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Long> lag = lag(admin);
            if (!lag.isEmpty() && lag.values().stream().allMatch(l -> l == 0)) {
                return Optional.of(seconds(since));
            }
            Thread.sleep(1_000);
        }
        return Optional.empty();
    }

    /** Each service's consumer group's lag, summed over the partitions of the topics it reads; -1 when it cannot say. */
    private static Map<String, Long> lag(Admin admin) {
        Map<String, Long> lags = new java.util.TreeMap<>();
        List<String> groups;
        try {
            groups = admin.listGroups(org.apache.kafka.clients.admin.ListGroupsOptions.forConsumerGroups()).all()
                    .get(10, TimeUnit.SECONDS).stream().map(org.apache.kafka.clients.admin.GroupListing::groupId)
                    .filter(id -> CONSUMER_GROUP_PREFIXES.stream().anyMatch(id::startsWith)).sorted().toList();
        } catch (Exception e) {
            return Map.of("?", -1L);
        }
        for (String group : groups) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                // the topics it reads: those it has committed on, and those its members are given now
                // (a listener whose topic never had a record has committed nothing, and has nothing to catch up)
                Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
                admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group).members()
                        .forEach(m -> m.assignment().topicPartitions().forEach(tp -> topics.add(tp.topic())));
                if (topics.isEmpty()) {
                    lags.put(group, -1L); // no member and nothing committed: it cannot be said to have read anything
                    continue;
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().forEach(d -> d.partitions()
                        .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
                long total = 0;
                for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    total += end.getValue().offset() - (at == null ? 0 : at.offset());
                }
                lags.put(group, total);
            } catch (Exception e) {
                lags.put(group, -1L);
            }
        }
        return lags;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }

    public static void print(Report report) {
        System.out.println("-".repeat(78));
        report.checks().stream().filter(c -> !c.passed())
                .forEach(c -> System.out.println("FAILED: " + c.name() + (c.figures().isEmpty() ? "" : " — " + c.figures())));
        report.failovers().forEach(System.out::println);
        summary("taken over (new controller, or new leader)", report.failovers().stream().map(Failover::tookOver).toList());
        summary("back in the cluster", report.failovers().stream().map(Failover::backInCluster).toList());
        summary("every partition 3 in sync", report.failovers().stream().map(Failover::allInSync).toList());
        System.out.println(report.load());
        System.out.printf("consumers caught up %.1f s after the load stopped%n", report.catchUpSeconds());
        System.out.printf("%d passed, %d failed%n", report.passed(), report.failed());
    }

    private static void summary(String what, Collection<Double> seconds) {
        List<Double> sorted = seconds.stream().filter(s -> s >= 0).sorted().toList();
        if (!sorted.isEmpty()) {
            System.out.printf("%s after the kill: min / median / max %.1f / %.1f / %.1f s (%d failovers)%n", what, sorted.get(0),
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size());
        }
    }

    static void say(String format, Object... args) {
        System.out.printf("[cluster-suite] " + format + "%n", args);
    }
}
