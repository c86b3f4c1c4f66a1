package org.reciprocity.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The issuer's keys are fetched as a service starts, and health is DOWN until they are; a token
 * that cannot be checked because the issuer is out of reach is a 503 {@code sign-in-unavailable},
 * never a 401 that asks the person to sign in again (issue 10, finding 8: the first call after
 * start timed out fetching the keys and answered 401 for {@code /error}).
 */
class IssuerOutageTest {

    @Test
    void whileTheIssuerFailsAGoodTokenIsA503AndHealthIsDownThenBothRecoverWithoutARestart() {
        try (FakeIssuer issuer = FakeIssuer.start(FakeIssuer.Mode.FAILS);
             KitApp service = KitApp.start(withDetails(issuer))) {
            String token = issuer.token("m-1", "tb-1", "MEMBER");

            KitApp.Answer health = service.get("/actuator/health", null);
            KitApp.Answer answer = service.get("/api/v1/hello", token);

            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().path("components").path("issuer").path("status").asString()).isEqualTo("DOWN");
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.code()).isEqualTo("sign-in-unavailable");
            assertThat(answer.json().path("instance").asString()).isEqualTo("/api/v1/hello");
            assertThat(answer.header("Retry-After")).isNotBlank();

            issuer.mode(FakeIssuer.Mode.ANSWERS);

            assertThat(awaitHealthy(service, Duration.ofSeconds(15))).as("healthy once the issuer answers").isTrue();
            assertThat(service.get("/api/v1/hello", token).status()).isEqualTo(200);
        }
    }

    @Test
    void anIssuerSlowerThanTheReadTimeoutIsA503WithinSeconds() {
        try (FakeIssuer issuer = FakeIssuer.start(FakeIssuer.Mode.HANGS);
             KitApp service = KitApp.start(withDetails(issuer))) {
            long began = System.nanoTime();

            KitApp.Answer answer = service.get("/api/v1/hello", issuer.token("m-1", "tb-1", "MEMBER"));

            Duration took = Duration.ofNanos(System.nanoTime() - began);
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.code()).isEqualTo("sign-in-unavailable");
            // two attempts of 500 ms each (the issuer would take 3 s), or less while another fetch is under way
            assertThat(took).isLessThan(Duration.ofMillis(2_500));
        }
    }

    @Test
    void theFirstCallAfterStartFindsTheKeysAlreadyFetched() {
        try (FakeIssuer issuer = FakeIssuer.start(FakeIssuer.Mode.ANSWERS);
             KitApp service = KitApp.start(withDetails(issuer))) {
            assertThat(awaitHealthy(service, Duration.ofSeconds(15))).isTrue();
            issuer.mode(FakeIssuer.Mode.FAILS);
            int fetches = issuer.fetches();

            KitApp.Answer answer = service.get("/api/v1/hello", issuer.token("m-1", "tb-1", "MEMBER"));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(issuer.fetches()).as("no fetch on the request's path").isEqualTo(fetches);
        }
    }

    private static List<String> withDetails(FakeIssuer issuer) {
        List<String> properties = new ArrayList<>(issuer.properties());
        properties.add("reciprocity.security.jwk-read-timeout=500ms");
        properties.add("management.endpoint.health.show-details=always");
        return properties;
    }

    private static boolean awaitHealthy(KitApp service, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (service.get("/actuator/health", null).status() == 200) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
