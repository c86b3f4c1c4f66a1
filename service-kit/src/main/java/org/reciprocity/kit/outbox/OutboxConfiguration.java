package org.reciprocity.kit.outbox;

import java.time.Clock;
import java.time.Duration;

import org.reciprocity.kit.health.ParkedEventsHealthIndicator;
import org.reciprocity.kit.messaging.EventPublisher;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class OutboxConfiguration {

    @Bean
    ParkedEvents parkedEvents(MongoTemplate mongo) {
        return new ParkedEvents(mongo);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher, ObjectProvider<OutboxCollections> collections,
                            @Value("${reciprocity.outbox.scan-interval:1m}") Duration scanInterval,
                            ParkedEvents parkedEvents) {
        // the system clock, not the application's: the grace is measured against when entries were written
        return new OutboxRelay(mongo, publisher, collections.getIfAvailable(() -> OutboxCollections.of()).names(),
                scanInterval, Clock.systemUTC(), parkedEvents);
    }

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock) {
        return new ProcessedEvents(mongo, clock);
    }

    /**
     * A service with an outbox (one that declares {@link OutboxCollections}) gets the health
     * component {@code parkedEvents} and the endpoint listing them, whose rule
     * ({@value ParkedEventsController#RULE}) its access policy must then name. A service without
     * one (the bench's floor app) gets neither, and needs no such rule.
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor parkedEventsForServicesWithAnOutbox() {
        // a post-processor, not @ConditionalOnBean: the service's OutboxCollections may be declared
        // after this configuration is read; here every bean definition is known and none is created
        return (BeanDefinitionRegistry registry) -> {
            if (registry instanceof ListableBeanFactory beans
                    && beans.getBeanNamesForType(OutboxCollections.class, true, false).length > 0) {
                registry.registerBeanDefinition("parkedEventsController", new RootBeanDefinition(ParkedEventsController.class));
                registry.registerBeanDefinition("parkedEventsHealthIndicator",
                        new RootBeanDefinition(ParkedEventsHealthIndicator.class));
            }
        };
    }
}
