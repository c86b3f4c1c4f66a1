package org.reciprocity.kit.security;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The one issuer a service takes tokens from: where its public keys are ({@code JWK_SET_URI}),
 * the name it signs as ({@code iss}, {@code JWT_ISSUER}) and the audiences a token must name
 * ({@code aud}, {@code JWT_AUDIENCE}). All three are required: a token checked against a key set
 * alone could be one the issuer made for another application, and a default key set would trust
 * whoever runs the local development issuer.
 */
record TrustedIssuer(String jwkSetUri, String issuer, List<String> audiences) {

    static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
    static final String ISSUER = "reciprocity.security.issuer";
    static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

    private static final String ALL_THREE = "A service checks each token's signature against the issuer's keys (JWK_SET_URI, "
            + JWK_SET_URI + "), its issuer (JWT_ISSUER, " + ISSUER + ") and its audience (JWT_AUDIENCE, comma-separated, "
            + AUDIENCES + "); set all three. The local platform sets them for the services it starts.";

    /** The issuer of the settings, or a start-up failure that names what is missing. */
    static TrustedIssuer of(String jwkSetUri, String issuer, List<String> audiences) {
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            throw missing(JWK_SET_URI, jwkSetUri, "JWK_SET_URI is not set: the URL of the issuer's JWK set (its public keys).");
        }
        if (!wellFormedHttpUrl(jwkSetUri)) {
            throw missing(JWK_SET_URI, jwkSetUri, "JWK_SET_URI is not an http(s) URL.");
        }
        if (issuer == null || issuer.isBlank()) {
            throw missing(ISSUER, issuer, "JWT_ISSUER is not set: the issuer's name exactly as in its tokens' iss claim.");
        }
        List<String> named = audiences == null ? List.of()
                : audiences.stream().filter(Objects::nonNull).map(String::strip).filter(a -> !a.isEmpty()).toList();
        if (named.isEmpty()) {
            throw missing(AUDIENCES, audiences, "JWT_AUDIENCE is not set: the audience (aud) the issuer names in tokens for Reciprocity.");
        }
        return new TrustedIssuer(jwkSetUri.strip(), issuer.strip(), named);
    }

    /**
     * What a token must carry besides a good signature: this issuer, one of these audiences, and
     * an expiry (a token without one would never expire), not passed.
     */
    OAuth2TokenValidator<Jwt> validator() {
        return JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(audiences::contains)),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
    }

    private static boolean wellFormedHttpUrl(String uri) {
        try {
            URI parsed = URI.create(uri.strip());
            return ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme())) && parsed.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static InvalidConfigurationPropertyValueException missing(String property, Object value, String what) {
        return new InvalidConfigurationPropertyValueException(property, value, what + " " + ALL_THREE);
    }
}
