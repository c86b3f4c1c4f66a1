package org.reciprocity.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at the shared broker, MongoDB server and token issuer (its key
 * set, its name and the audience of its tokens). Each
 * service keeps its own database, named after {@code spring.application.name}.
 */
public class SharedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        String database = context.getEnvironment().getProperty("spring.application.name", "test").replace('-', '_');
        TestPropertyValues.of(
                "spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri=" + infrastructure.mongoUri(database),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + infrastructure.tokens().jwkSetUri(),
                "reciprocity.security.issuer=" + infrastructure.tokens().issuer(),
                "spring.security.oauth2.resourceserver.jwt.audiences=" + TestTokens.AUDIENCE,
                "reciprocity.outbox.sweep-interval=1s")
                .applyTo(context);
    }
}
