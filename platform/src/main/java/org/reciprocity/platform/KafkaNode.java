package org.reciprocity.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node), run in a child
 * JVM from Kafka's own Maven artifacts. Under load on two cores a broker in its own JVM behaves
 * better than one inside the launcher. Its log directory lives under the data folder, so topics
 * and consumer offsets survive a restart.
 */
final class KafkaNode implements Child, AutoCloseable {

    private final PlatformConfig config;
    private final Path properties;
    private final Path logFile;
    private Admin admin;

    private KafkaNode(PlatformConfig config, Path properties, Path logFile) {
        this.config = config;
        this.properties = properties;
        this.logFile = logFile;
    }

    /** Writes the broker's settings and formats its storage on the first run; starts nothing yet. */
    static KafkaNode prepare(PlatformConfig config, Path logFile) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(config.dataDir().resolve("kafka"));
        Path logs = dir.resolve("logs");
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, serverProperties(config, logs));
        if (!Files.exists(logs.resolve("meta.properties"))) {
            format(config, properties, logFile);
        }
        return new KafkaNode(config, properties, logFile);
    }

    private static void format(PlatformConfig config, Path properties, Path logFile) throws IOException, InterruptedException {
        Process format = ChildJvm.start(config.dataDir(), JvmOptions.of("kafka"), List.of("kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", properties.toString()), Map.of(), logFile);
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("could not format Kafka's storage; see " + logFile);
        }
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public Process launch() throws IOException {
        return ChildJvm.start(config.dataDir(), JvmOptions.of("kafka"), List.of("kafka.Kafka", properties.toString()), Map.of(), logFile);
    }

    /** True once the broker answers with its cluster (the controller has elected itself). */
    @Override
    public synchronized boolean isHealthy() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000));
        }
        try {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
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

    private static String serverProperties(PlatformConfig config, Path logs) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + config.kafkaControllerPort(),
                "listeners=PLAINTEXT://127.0.0.1:" + config.kafkaPort() + ",CONTROLLER://127.0.0.1:" + config.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + config.kafkaPort(),
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logs,
                "num.partitions=3",
                // One node: the internal topics cannot have more replicas than there are brokers.
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
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
