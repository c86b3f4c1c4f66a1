package org.reciprocity.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node), run in a child
 * JVM from Kafka's own Maven artifacts. Under load on two cores a broker in its own JVM behaves
 * better than one inside the launcher. Its log directory lives under the data folder, so topics
 * and consumer offsets survive a restart.
 *
 * <p>With {@code reciprocity.kafka.brokers=3} the launcher runs three of these, each its own OS
 * process (so one can be killed with {@code kill -9} while the others go on), forming one cluster:
 * three voters in the controllers' quorum, every partition on three brokers. They keep their data
 * in {@code data/kafka-cluster/broker-<n>}, apart from the single broker's {@code data/kafka}: a
 * topic's replicas and the quorum's voters are fixed when the storage is formatted, so the one
 * cannot become the other.
 */
final class KafkaNode implements Child, AutoCloseable {

    private final PlatformConfig config;
    private final int nodeId;
    private final Path properties;
    private final Path logFile;
    private Admin admin;

    private KafkaNode(PlatformConfig config, int nodeId, Path properties, Path logFile) {
        this.config = config;
        this.nodeId = nodeId;
        this.properties = properties;
        this.logFile = logFile;
    }

    /** The single broker: writes its settings and formats its storage on the first run; starts nothing yet. */
    static KafkaNode prepare(PlatformConfig config, Path logFile) throws IOException, InterruptedException {
        return prepare(config, 1, logFile);
    }

    /**
     * Broker {@code nodeId} (1 to {@link PlatformConfig#kafkaBrokers()}): writes its settings and formats
     * its storage on the first run, with the cluster's id that every broker of the cluster shares.
     */
    static KafkaNode prepare(PlatformConfig config, int nodeId, Path logFile) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(dir(config, nodeId));
        Path logs = dir.resolve("logs");
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, serverProperties(config, nodeId, logs));
        if (!Files.exists(logs.resolve("meta.properties"))) {
            format(config, properties, clusterId(config), logFile);
        }
        return new KafkaNode(config, nodeId, properties, logFile);
    }

    /**
     * Refuses a data folder whose events are on the other shape of broker (one broker's topics are not a
     * cluster's, and the reverse): the services' stores would then not match the topics they read.
     */
    static void requireSameShape(PlatformConfig config) {
        boolean single = Files.exists(config.dataDir().resolve("kafka").resolve("logs").resolve("meta.properties"));
        boolean cluster = Files.isDirectory(config.dataDir().resolve("kafka-cluster"));
        if (config.kafkaBrokers() > 1 && single) {
            throw new IllegalStateException("this data folder (" + config.dataDir() + ") holds the events of one broker; start"
                    + " the cluster of " + config.kafkaBrokers() + " brokers on another data folder (RECIPROCITY_DATA=data-cluster)");
        }
        if (config.kafkaBrokers() == 1 && cluster) {
            throw new IllegalStateException("this data folder (" + config.dataDir() + ") holds the events of a cluster of brokers;"
                    + " start it with RECIPROCITY_KAFKA_BROKERS=3, or use another data folder for one broker");
        }
    }

    private static Path dir(PlatformConfig config, int nodeId) {
        return config.kafkaBrokers() == 1 ? config.dataDir().resolve("kafka")
                : config.dataDir().resolve("kafka-cluster").resolve("broker-" + nodeId);
    }

    /** One id for every broker of the cluster, made once and kept beside their folders. */
    private static synchronized String clusterId(PlatformConfig config) throws IOException {
        if (config.kafkaBrokers() == 1) {
            return Uuid.randomUuid().toString();
        }
        Path file = config.dataDir().resolve("kafka-cluster").resolve("cluster.id");
        if (!Files.exists(file)) {
            Files.writeString(file, Uuid.randomUuid() + "\n");
        }
        return Files.readString(file).trim();
    }

    private static void format(PlatformConfig config, Path properties, String clusterId, Path logFile)
            throws IOException, InterruptedException {
        Process format = ChildJvm.start(config.dataDir(), JvmOptions.of("kafka"), List.of("kafka.tools.StorageTool", "format",
                "-t", clusterId, "-c", properties.toString()), Map.of(), logFile);
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("could not format Kafka's storage; see " + logFile);
        }
    }

    /** {@code kafka} for the single broker (as before the cluster), {@code kafka-<n>} for a broker of the cluster. */
    @Override
    public String name() {
        return config.kafkaBrokers() == 1 ? "kafka" : "kafka-" + nodeId;
    }

    @Override
    public Process launch() throws IOException {
        return ChildJvm.start(config.dataDir(), JvmOptions.of("kafka"), List.of("kafka.Kafka", properties.toString()), Map.of(), logFile);
    }

    /**
     * True once this broker answers with the cluster and counts itself among its live brokers: the
     * controllers' quorum has a leader and has let this broker in (it is no longer fenced).
     */
    @Override
    public synchronized boolean isHealthy() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBrokerAddress(nodeId),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000));
        }
        try {
            return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).stream().anyMatch(node -> node.id() == nodeId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception notYet) {
            return false;
        }
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    /** The broker's data: topics, offsets and the controller's metadata. */
    Path logDirs() {
        return properties.resolveSibling("logs");
    }

    static String serverProperties(PlatformConfig config, int nodeId, Path logs) {
        int brokers = config.kafkaBrokers();
        // the internal topics (consumer offsets, transactions) as many times over as there are brokers, up to three
        int replicas = config.kafkaReplicationFactor();
        int minInSync = config.kafkaMinInSyncReplicas();
        String voters = IntStream.rangeClosed(1, brokers).mapToObj(n -> n + "@127.0.0.1:" + config.kafkaControllerPort(n))
                .collect(Collectors.joining(","));
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://" + config.kafkaBrokerAddress(nodeId) + ",CONTROLLER://127.0.0.1:" + config.kafkaControllerPort(nodeId),
                "advertised.listeners=PLAINTEXT://" + config.kafkaBrokerAddress(nodeId),
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logs,
                "num.partitions=3",
                "offsets.topic.replication.factor=" + replicas,
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + minInSync,
                "share.coordinator.state.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.min.isr=" + minInSync,
                // a topic created without saying (none should be: auto-creation is off) gets the cluster's durability too
                "default.replication.factor=" + replicas,
                "min.insync.replicas=" + minInSync,
                // never let a replica that missed acknowledged writes become the leader (Kafka's default, said here)
                "unclean.leader.election.enable=false",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                // the compactor's buffer (128 MB by default, taken whole from the heap at start) for a
                // few small compacted topics: the broker runs in a small heap on a 2 GB machine
                "log.cleaner.dedupe.buffer.size=16777216",
                "");
    }

    /** Closes the health checks' client; the process itself is stopped by its supervisor. */
    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
