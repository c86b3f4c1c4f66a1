package org.reciprocity.testsupport;

import java.net.InetSocketAddress;
import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One real KRaft Kafka broker, one mongo-java-server (the MongoDB wire protocol over TCP) and one
 * test token issuer per test JVM, started on first use and shared by every test class; stopped
 * when the JVM exits. Tests talk to them through the real clients: nothing is mocked.
 */
public final class SharedInfrastructure {

    private static SharedInfrastructure instance;

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final InetSocketAddress mongoAddress;
    private final TestTokens tokens;

    private SharedInfrastructure() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        // One broker: the internal topics must not ask for more replicas than exist, or
        // transactional and consumer-group coordination time out.
        kafka.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "true"));
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        mongoAddress = mongo.bind();
        tokens = TestTokens.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "shared-infrastructure-stop"));
    }

    /** The shared servers, started on the first call. */
    public static synchronized SharedInfrastructure get() {
        if (instance == null) {
            instance = new SharedInfrastructure();
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    public EmbeddedKafkaKraftBroker kafka() {
        return kafka;
    }

    public String mongoUri(String database) {
        return "mongodb://" + mongoAddress.getHostString() + ":" + mongoAddress.getPort() + "/" + database;
    }

    public TestTokens tokens() {
        return tokens;
    }

    private void stop() {
        tokens.stop();
        mongo.shutdownNow();
        kafka.destroy();
    }
}
