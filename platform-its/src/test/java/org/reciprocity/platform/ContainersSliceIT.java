package org.reciprocity.platform;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The slice against the production images: Apache Kafka ({@code apache/kafka}, KRaft) and a
 * MongoDB replica set ({@code mongo}), the services as separate processes. Needs a Docker engine;
 * where there is none the class is reported as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersSliceIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Test
    void theSliceRunsOnRealKafkaAndARealMongoDbReplicaSet() throws Exception {
        PlatformConfig config = PlatformConfig.fromEnvironment()
                .withPorts(Files.createTempDirectory("reciprocity-containers-it"), 0, 0, 0, 19000, 18081, 18082, 18083, 13025,
                        19090, 18080)
                .withExternal(KAFKA.getBootstrapServers(), MONGO.getConnectionString());
        try (LocalPlatform platform = new LocalPlatform(config)) {
            platform.start(Duration.ofSeconds(180));
            StepSevenSlice.run(platform);
        }
    }
}
