package org.reciprocity.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.FileSystemResource;

import tools.jackson.databind.JsonNode;

/**
 * Each service's own {@code application.yml}, run with the kit's security: health tells a
 * stranger only whether the service is up (issue 10, finding 6: it showed the cluster id to
 * anyone), and the issuer comes from the environment only, never a default (finding 3).
 */
class ServiceSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ledger-service", "matching-service", "notification-service"})
    void healthTellsAnyoneButAnAdminOnlyWhetherTheServiceIsUp(String name) {
        try (FakeIssuer issuer = FakeIssuer.start(FakeIssuer.Mode.ANSWERS);
             KitApp service = KitApp.start(settingsOf(name, issuer))) {
            awaitHealthy(service);

            KitApp.Answer anonymous = service.get("/actuator/health", null);
            KitApp.Answer member = service.get("/actuator/health", issuer.token("m-1", "tb-1", "MEMBER", "COORDINATOR", "STAFF"));
            KitApp.Answer admin = service.get("/actuator/health", issuer.token("a-1", "tb-1", "ADMIN"));
            KitApp.Answer readiness = service.get("/actuator/health/readiness", issuer.token("a-1", "tb-1", "ADMIN"));

            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(onlyTheStatus(anonymous)).isEqualTo("{\"status\":\"UP\"}");
            assertThat(onlyTheStatus(member)).isEqualTo("{\"status\":\"UP\"}");
            JsonNode components = admin.json().path("components");
            assertThat(components.path("broker").path("details").path("clusterId").asString()).isEqualTo("private-cluster-id");
            assertThat(components.path("issuer").path("status").asString()).isEqualTo("UP");
            assertThat(readiness.json().path("components").has("issuer")).as("readiness waits for the issuer's keys").isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ledger-service", "matching-service", "notification-service"})
    void theIssuerTheServiceTrustsComesOnlyFromItsEnvironment(String name) throws IOException {
        PropertySourcesPropertyResolver settings = new PropertySourcesPropertyResolver(yaml(name));

        assertThat(settings.getProperty(TrustedIssuer.JWK_SET_URI)).isEmpty();
        assertThat(settings.getProperty(TrustedIssuer.ISSUER)).isEmpty();
        assertThat(settings.getProperty(TrustedIssuer.AUDIENCES)).isEmpty();
    }

    @Test
    void aServiceWithoutItsIssuerSettingsDoesNotStartAndSaysWhichIsMissing() {
        List<String> withoutIssuer = List.of("spring.config.location=file:" + applicationYml("ledger-service"));

        assertThatThrownBy(() -> KitApp.start(withoutIssuer).close())
                .rootCause().isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("JWK_SET_URI is not set");
    }

    /**
     * The answer without Boot's list of probe groups ({@code "groups":["liveness","readiness"]},
     * the same fixed names for everyone), which must then be the status alone.
     */
    private static String onlyTheStatus(KitApp.Answer health) {
        return health.body().replace("\"groups\":[\"liveness\",\"readiness\"],", "");
    }

    static List<String> settingsOf(String name, FakeIssuer issuer) {
        List<String> properties = new ArrayList<>();
        properties.add("spring.config.location=file:" + applicationYml(name));
        properties.add("JWK_SET_URI=" + issuer.jwkSetUri());
        properties.add("JWT_ISSUER=" + issuer.issuer());
        properties.add("JWT_AUDIENCE=" + FakeIssuer.AUDIENCE);
        return properties;
    }

    private static String applicationYml(String service) {
        // the tests run in service-kit/; the services are its siblings
        return new java.io.File("../" + service + "/src/main/resources/application.yml").getAbsolutePath();
    }

    private static MutablePropertySources yaml(String service) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        new YamlPropertySourceLoader().load(service, new FileSystemResource(applicationYml(service))).forEach(sources::addLast);
        return sources;
    }

    private static void awaitHealthy(KitApp service) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (service.get("/actuator/health", null).status() != 200 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
