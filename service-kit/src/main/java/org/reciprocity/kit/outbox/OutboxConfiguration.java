package org.reciprocity.kit.outbox;

import java.time.Clock;

import org.reciprocity.kit.messaging.EventPublisher;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class OutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher, ObjectProvider<OutboxCollections> collections) {
        return new OutboxRelay(mongo, publisher,
                collections.getIfAvailable(() -> OutboxCollections.of()).names());
    }

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock) {
        return new ProcessedEvents(mongo, clock);
    }
}
