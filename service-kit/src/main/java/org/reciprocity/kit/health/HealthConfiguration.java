package org.reciprocity.kit.health;

import java.time.Clock;

import org.apache.kafka.clients.admin.Admin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health that is true on both mongo-java-server and real MongoDB ({@code ping}; Boot's own check
 * sends {@code hello}, which mongo-java-server does not know), and a Kafka check Boot lacks. The
 * details (database, cluster id) are for ADMIN only: each service's
 * {@code management.endpoint.health.show-details} is {@code when-authorized}.
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(() -> Admin.create(admin.getConfigurationProperties()), Clock.systemUTC()::instant);
    }
}
