package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * The services the platform starts are told to trust identity-service (JWK_SET_URI, JWT_ISSUER,
 * JWT_AUDIENCE); the launcher's {@code /dev/token} relays identity's local-only helper, and the
 * tokens it makes itself for the refusal tests are refused by that trust.
 */
class DevPagesTest {

    @TempDir
    Path data;
    PlatformConfig config;
    FakeIdentity identity;
    DevPages pages;
    JwtDecoder services;

    @BeforeEach
    void start() throws Exception {
        int[] ports = FreePorts.some(2);
        config = PlatformConfig.fromEnvironment().withPorts(data, 0, 0, 0, ports[0], 0, 0, 0, 0).withPortalPorts(ports[1], 0);
        identity = new FakeIdentity(config.identityPort(), config.audience());
        pages = DevPages.start(config);
        services = decoderAsAServiceBuildsIt(NimbusJwtDecoder.withJwkSetUri(ServiceNode.environment(config, "ledger", 8081)
                .get("JWK_SET_URI")).build());
    }

    /** Checked as a service checks them, from the environment the platform gives it. */
    private NimbusJwtDecoder decoderAsAServiceBuildsIt(NimbusJwtDecoder decoder) {
        Map<String, String> environment = ServiceNode.environment(config, "ledger", 8081);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                JwtValidators.createDefaultWithIssuer(environment.get("JWT_ISSUER")),
                new JwtAudienceValidator(environment.get("JWT_AUDIENCE"))));
        return decoder;
    }

    @AfterEach
    void stop() {
        pages.close();
        identity.close();
    }

    @Test
    void devTokenRelaysIdentityServicesLocalHelperAndTheServicesTakeWhatItAnswers() {
        Http.Answer answer = Http.get(config.devPagesUrl() + "/dev/token?timebank=demo&member=m-1&roles=MEMBER,COORDINATOR", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(identity.tokenRequests).containsExactly(
                "POST application/x-www-form-urlencoded member=m-1&timebank=demo&roles=MEMBER%2CCOORDINATOR");
        Jwt token = services.decode(answer.body().trim());
        assertThat(token.getIssuer().toString()).isEqualTo(config.issuer()).isEqualTo("http://localhost:" + config.identityPort());
        assertThat(token.getAudience()).containsExactly(config.audience());
        assertThat(token.getClaimAsString("timebank_id")).isEqualTo("demo");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("MEMBER", "COORDINATOR");
    }

    @Test
    void theLaunchersDevTokenIsIdentityServicesToo() {
        String token = new IdentityClient(config.issuer()).token("m-2", "demo", List.of("MEMBER"));

        assertThat(services.decode(token).getSubject()).isEqualTo("m-2");
    }

    @Test
    void theServicesRefuseTheForeignIssuersTokensWhateverTheyName() {
        ForeignIssuer foreign = new ForeignIssuer();
        String otherIssuer = foreign.token("https://elsewhere.example", config.audience(), "m-1", "demo", List.of("MEMBER"));
        String otherAudience = foreign.token(config.issuer(), "another-app", "m-1", "demo", List.of("MEMBER"));
        String namingIdentity = foreign.token(config.issuer(), config.audience(), "m-1", "demo", List.of("MEMBER"));

        for (String token : List.of(otherIssuer, otherAudience, namingIdentity)) {
            assertThatThrownBy(() -> services.decode(token)).isInstanceOf(BadJwtException.class);
        }
        // and were its key trusted, the issuer and audience it names would still be refused
        NimbusJwtDecoder trustingItsKey = decoderAsAServiceBuildsIt(NimbusJwtDecoder.withPublicKey(
                toRsa(foreign)).build());
        assertThat(trustingItsKey.decode(namingIdentity).getSubject()).isEqualTo("m-1");
        assertThatThrownBy(() -> trustingItsKey.decode(otherIssuer)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> trustingItsKey.decode(otherAudience)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void theOldKeySetAddressServesIdentityServicesKeys() {
        Http.Answer keys = Http.get(config.devPagesUrl() + "/jwks.json", null);

        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.body()).contains("\"kid\":\"identity\"");
    }

    @Test
    void devTokenSaysSoWhenIdentityServiceDoesNotAnswer() {
        identity.close();

        Http.Answer answer = Http.get(config.devPagesUrl() + "/dev/token?member=m-1", null);

        assertThat(answer.status()).isEqualTo(502);
    }

    private static java.security.interfaces.RSAPublicKey toRsa(ForeignIssuer foreign) {
        try {
            return foreign.publicKey().toRSAPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
