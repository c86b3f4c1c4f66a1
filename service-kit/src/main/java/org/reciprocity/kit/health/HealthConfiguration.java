package org.reciprocity.kit.health;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health that is true on both mongo-java-server and real MongoDB ({@code ping}; Boot's own check
 * sends {@code hello}, which mongo-java-server does not know), and a Kafka check Boot lacks.
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
