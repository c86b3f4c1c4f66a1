package org.reciprocity.identity.invitation;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.reciprocity.identity.account.Accounts;
import org.reciprocity.kit.health.ParkedEventsHealthIndicator;
import org.reciprocity.kit.messaging.EventPublisher;
import org.reciprocity.kit.erasure.ErasureConfirmations;
import org.reciprocity.kit.messaging.MessagingConfiguration;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.kit.outbox.ParkedEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The service kit's Kafka producer (idempotent, {@code acks=all}, CloudEvents) and its outbox relay
 * over the accounts, for the invitation events, and over the erasure confirmations
 * ({@code erasure/ErasureConsumer}); also the one {@link Clock} of the service. Not the
 * kit's {@code OutboxConfiguration}: that one also serves the list of parked events under the kit's
 * access rules, which identity-service's API does not apply; a parked invitation shows in the
 * health component {@code parkedEvents} and the logs instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Import(MessagingConfiguration.class)
class InvitationMessaging {

    @Bean
    ParkedEvents parkedEvents(MongoTemplate mongo) {
        return new ParkedEvents(mongo);
    }

    @Bean
    ParkedEventsHealthIndicator parkedEventsHealthIndicator(ParkedEvents parked) {
        return new ParkedEventsHealthIndicator(parked);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher, ParkedEvents parked,
                            @Value("${reciprocity.outbox.scan-interval:1m}") Duration scanInterval) {
        // the system clock, as the kit's: the grace is measured against when entries were written
        return new OutboxRelay(mongo, publisher, Set.of(Accounts.COLLECTION, ErasureConfirmations.COLLECTION), scanInterval, Clock.systemUTC(), parked);
    }
}
