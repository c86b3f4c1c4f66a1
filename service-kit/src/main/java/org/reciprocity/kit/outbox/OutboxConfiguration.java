package org.reciprocity.kit.outbox;

import java.time.Clock;
import java.time.Duration;

import org.reciprocity.kit.messaging.EventPublisher;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class OutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher, ObjectProvider<OutboxCollections> collections,
                            @Value("${reciprocity.outbox.scan-interval:1m}") Duration scanInterval) {
        // the system clock, not the application's: the grace is measured against when entries were written
        return new OutboxRelay(mongo, publisher, collections.getIfAvailable(() -> OutboxCollections.of()).names(),
                scanInterval, Clock.systemUTC());
    }

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock) {
        return new ProcessedEvents(mongo, clock);
    }
}
