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
final class KafkaNode implements AutoCloseable {

    private final Process process;

    private KafkaNode(Process process) {
        this.process = process;
    }

    static KafkaNode start(PlatformConfig config, Path logFile) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(config.dataDir().resolve("kafka"));
        Path logs = dir.resolve("logs");
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, serverProperties(config, logs));
        if (!Files.exists(logs.resolve("meta.properties"))) {
            format(properties, logFile);
        }
        Process process = ChildJvm.start("kafka", List.of("kafka.Kafka", properties.toString()), Map.of(), logFile);
        KafkaNode node = new KafkaNode(process);
        node.awaitReady(config.kafkaBootstrap(), Duration.ofSeconds(60), logFile);
        return node;
    }

    private static void format(Path properties, Path logFile) throws IOException, InterruptedException {
        Process format = ChildJvm.start("kafka-storage", List.of("kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", properties.toString()), Map.of(), logFile);
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("could not format Kafka's storage; see " + logFile);
        }
    }

    private void awaitReady(String bootstrap, Duration timeout, Path logFile) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka stopped while starting; see " + logFile);
                }
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    Thread.sleep(250);
                }
            }
        }
        throw new IllegalStateException("Kafka did not start within " + timeout.toSeconds() + " s; see " + logFile);
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
                "");
    }

    @Override
    public void close() throws InterruptedException {
        ChildJvm.stop(process, Duration.ofSeconds(30));
    }
}
