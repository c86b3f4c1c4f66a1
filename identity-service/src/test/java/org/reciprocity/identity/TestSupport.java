package org.reciprocity.identity;

import org.reciprocity.testsupport.SharedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The properties every integration test's service runs with: the test servers (mongo-java-server, GreenMail, the shared Kafka broker), a fixed issuer and portal. */
public final class TestSupport {

    public static final String ISSUER = "http://localhost:9090";
    public static final String PORTAL = "http://localhost:8080";
    public static final String SECRET = "test-portal-secret";

    private TestSupport() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestServers.start();
        registry.add("spring.mongodb.uri", () -> TestServers.mongoUri("identity"));
        // the shared real broker (KRaft) of test-support: invitations are published there
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.get().kafkaBootstrapServers());
        registry.add("reciprocity.outbox.sweep-interval", () -> "1s");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestServers.SMTP_PORT);
        registry.add("reciprocity.identity.issuer-url", () -> ISSUER);
        registry.add("reciprocity.identity.portal-url", () -> PORTAL);
        registry.add("reciprocity.identity.client-secret", () -> SECRET);
        // the lock-out's waits, shortened so ten tries take milliseconds (the arithmetic is LockOutTest's)
        registry.add("reciprocity.identity.slow-down-step", () -> "1ms");
    }
}
