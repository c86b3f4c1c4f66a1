package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local cluster ({@code reciprocity.kafka.brokers=3}): three brokers, each a voter of the one quorum
 * on ports of its own, and services told of all three and of the durability a cluster gives.
 */
class KafkaClusterTest {

    @TempDir
    Path data;

    @AfterEach
    void oneBrokerAgain() {
        System.clearProperty("reciprocity.kafka.brokers");
        System.clearProperty("reciprocity.kafka.cluster.port");
    }

    private PlatformConfig config() {
        return PlatformConfig.fromEnvironment().withPorts(data, 9092, 9093, 27027, 9000, 8081, 8082, 8083, 3025)
                .withPortalPorts(9090, 8080);
    }

    @Test
    void oneBrokerIsTheDefaultAndTheServicesKeepTheirOneReplica() {
        PlatformConfig config = config();

        assertThat(config.kafkaBrokers()).isEqualTo(1);
        assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(ServiceNode.environment(config, "ledger", 8081)).containsEntry("KAFKA_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "1");
        assertThat(KafkaNode.serverProperties(config, 1, data.resolve("logs")))
                .contains("node.id=1\n", "controller.quorum.voters=1@127.0.0.1:9093\n", "offsets.topic.replication.factor=1\n");
    }

    @Test
    void threeBrokersAreOneQuorumOfThreeVotersEachOnItsOwnPorts() {
        System.setProperty("reciprocity.kafka.brokers", "3");
        PlatformConfig config = config();

        assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
        String voters = "controller.quorum.voters=1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097\n";
        for (int node = 1; node <= 3; node++) {
            assertThat(KafkaNode.serverProperties(config, node, data.resolve("logs")))
                    .contains("node.id=" + node + "\n", voters, "offsets.topic.replication.factor=3\n",
                            "transaction.state.log.min.isr=2\n", "min.insync.replicas=2\n",
                            "unclean.leader.election.enable=false\n");
        }
        assertThat(KafkaNode.serverProperties(config, 3, data.resolve("logs")))
                .contains("listeners=PLAINTEXT://127.0.0.1:9096,CONTROLLER://127.0.0.1:9097\n");
        assertThat(config.kafkaClusterPorts()).containsExactly(9094, 9095, 9096, 9097);
    }

    @Test
    void theOtherBrokersPortsCanBeMoved() {
        System.setProperty("reciprocity.kafka.brokers", "3");
        System.setProperty("reciprocity.kafka.cluster.port", "29000");

        assertThat(config().kafkaBootstrap()).isEqualTo("127.0.0.1:9092,127.0.0.1:29000,127.0.0.1:29002");
    }

    @Test
    void onAClusterEveryServiceAndIdentityServiceGetAllThreeBrokersThreeReplicasAndTwoInSync() {
        System.setProperty("reciprocity.kafka.brokers", "3");
        PlatformConfig config = config();

        for (Map<String, String> environment : new Map[] {ServiceNode.environment(config, "ledger", 8081),
                ServiceNode.environment(config, "reciprocity-review", 8085), ServiceNode.identityEnvironment(config)}) {
            assertThat(environment).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096")
                    .containsEntry("KAFKA_REPLICATION_FACTOR", "3").containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2");
        }
    }

    @Test
    void onlyOneOrThreeBrokers() {
        System.setProperty("reciprocity.kafka.brokers", "2");

        assertThatThrownBy(() -> config().kafkaBrokers()).hasMessageContaining("must be 1 or 3, not '2'");
    }

    @Test
    void aDataFolderOfOneBrokerIsNotStartedAsAClusterNorTheReverse() throws Exception {
        Files.createDirectories(data.resolve("kafka").resolve("logs"));
        Files.writeString(data.resolve("kafka").resolve("logs").resolve("meta.properties"), "node.id=1\n");
        System.setProperty("reciprocity.kafka.brokers", "3");

        assertThatThrownBy(() -> KafkaNode.requireSameShape(config())).hasMessageContaining("holds the events of one broker");

        System.clearProperty("reciprocity.kafka.brokers");
        Path cluster = Files.createDirectories(data.resolve("other").resolve("kafka-cluster"));
        PlatformConfig other = PlatformConfig.fromEnvironment().withPorts(cluster.getParent(), 9092, 9093, 27027, 9000, 8081,
                8082, 8083, 3025);
        assertThatThrownBy(() -> KafkaNode.requireSameShape(other)).hasMessageContaining("holds the events of a cluster");
    }
}
