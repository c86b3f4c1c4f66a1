package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The services the platform starts are told which issuer to trust (JWK_SET_URI, JWT_ISSUER,
 * JWT_AUDIENCE), and the development issuer's tokens are exactly what that trust accepts.
 */
class DevIssuerTest {

    PlatformConfig config;
    DevIssuer issuer;
    NimbusJwtDecoder services;

    @BeforeEach
    void start() throws IOException {
        config = PlatformConfig.fromEnvironment().withPorts(Path.of("data"), 0, 0, 0, freePort(), 0, 0, 0, 0);
        issuer = DevIssuer.start(config);
        // checked as a service checks them, from the environment the platform gives it
        Map<String, String> environment = ServiceNode.environment(config, "ledger", 8081);
        services = NimbusJwtDecoder.withJwkSetUri(environment.get("JWK_SET_URI")).build();
        services.setJwtValidator(JwtValidators.createDefaultWithValidators(
                JwtValidators.createDefaultWithIssuer(environment.get("JWT_ISSUER")),
                new JwtAudienceValidator(environment.get("JWT_AUDIENCE"))));
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void theServicesTakeTheDevelopmentIssuersTokens() {
        Jwt token = services.decode(issuer.token("m-1", "demo", List.of("MEMBER")));

        assertThat(token.getIssuer().toString()).isEqualTo(config.issuer());
        assertThat(token.getAudience()).containsExactly(config.audience());
        assertThat(token.getClaimAsString("timebank_id")).isEqualTo("demo");
    }

    @Test
    void theServicesRefuseItsKeyOnATokenNamingAnotherIssuerOrAudience() {
        String otherIssuer = issuer.token("https://elsewhere.example", config.audience(), "m-1", "demo", List.of("MEMBER"));
        String otherAudience = issuer.token(config.issuer(), "another-app", "m-1", "demo", List.of("MEMBER"));

        assertThatThrownBy(() -> services.decode(otherIssuer)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> services.decode(otherAudience)).isInstanceOf(JwtValidationException.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
