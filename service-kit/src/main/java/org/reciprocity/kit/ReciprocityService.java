package org.reciprocity.kit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.reciprocity.kit.access.AccessConfiguration;
import org.reciprocity.kit.health.HealthConfiguration;
import org.reciprocity.kit.messaging.MessagingConfiguration;
import org.reciprocity.kit.outbox.OutboxConfiguration;
import org.reciprocity.kit.security.SecurityConfiguration;
import org.reciprocity.kit.time.TestClockConfiguration;
import org.reciprocity.kit.web.WebConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Marks a Spring Boot application as a Reciprocity service: events on Kafka with dead-lettering,
 * the outbox relay, idempotent consumption, the JWT resource server with timebank isolation and the service's access policy,
 * problem details and health on both Kafka and MongoDB.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({AccessConfiguration.class, MessagingConfiguration.class, OutboxConfiguration.class, SecurityConfiguration.class,
        WebConfiguration.class, HealthConfiguration.class, TestClockConfiguration.class})
public @interface ReciprocityService {
}
