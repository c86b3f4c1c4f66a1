package org.reciprocity.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.security.oauth2.jwt.Jwt;

class TrustedIssuerTest {

    static final String KEYS = "https://id.example.org/.well-known/jwks.json";
    static final String ISSUER = "https://id.example.org";

    @Test
    void eachMissingSettingIsNamedByItsEnvironmentVariable() {
        assertThatThrownBy(() -> TrustedIssuer.of("", ISSUER, List.of("reciprocity")))
                .isInstanceOf(InvalidConfigurationPropertyValueException.class).hasMessageContaining("JWK_SET_URI is not set");
        assertThatThrownBy(() -> TrustedIssuer.of(KEYS, " ", List.of("reciprocity")))
                .isInstanceOf(InvalidConfigurationPropertyValueException.class).hasMessageContaining("JWT_ISSUER is not set");
        assertThatThrownBy(() -> TrustedIssuer.of(KEYS, ISSUER, List.of()))
                .isInstanceOf(InvalidConfigurationPropertyValueException.class).hasMessageContaining("JWT_AUDIENCE is not set");
        assertThatThrownBy(() -> TrustedIssuer.of(KEYS, ISSUER, List.of(" ")))
                .isInstanceOf(InvalidConfigurationPropertyValueException.class).hasMessageContaining("JWT_AUDIENCE is not set");
    }

    @Test
    void aKeySetAddressThatIsNotAnHttpUrlIsRefused() {
        assertThatThrownBy(() -> TrustedIssuer.of("jwks.json", ISSUER, List.of("reciprocity")))
                .hasMessageContaining("JWK_SET_URI is not an http(s) URL");
    }

    @Test
    void aTokenMustNameTheIssuerAndOneOfTheAudiencesAndExpire() {
        TrustedIssuer trusted = TrustedIssuer.of(KEYS, ISSUER, List.of("reciprocity", "portal"));

        assertThat(trusted.validator().validate(token(ISSUER, List.of("portal"), true)).hasErrors()).isFalse();
        assertThat(trusted.validator().validate(token("https://other.example", List.of("portal"), true)).hasErrors()).isTrue();
        assertThat(trusted.validator().validate(token(ISSUER, List.of("elsewhere"), true)).hasErrors()).isTrue();
        assertThat(trusted.validator().validate(token(ISSUER, List.of("portal"), false)).hasErrors()).isTrue();
    }

    private static Jwt token(String issuer, List<String> audience, boolean expires) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("m-1").claim("iss", issuer)
                .audience(audience).issuedAt(Instant.now());
        return (expires ? jwt.expiresAt(Instant.now().plusSeconds(60)) : jwt).build();
    }
}
