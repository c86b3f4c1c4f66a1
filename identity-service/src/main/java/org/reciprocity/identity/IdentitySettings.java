package org.reciprocity.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What identity-service is told by its environment (see application.yml for the env names).
 *
 * @param issuerUrl     the {@code iss} of every token, and the origin of the sign-in pages
 * @param portalUrl     where a person goes once signed in
 * @param clientId      the portal's OAuth2 client id
 * @param clientSecret  the portal's client secret (required outside the local platform)
 * @param audience      the {@code aud} the services check
 * @param local         true only on the local platform: enables the loopback-only helpers
 * @param bootstrapTimebank the timebank whose first admin is set up at start
 * @param rpId          the WebAuthn relying party id (the issuer's host name)
 * @param mailFrom      the sender of sign-in e-mails
 * @param slowDownStep  the first wait after five failed passwords; it doubles with each further failure
 */
@ConfigurationProperties("reciprocity.identity")
public record IdentitySettings(String issuerUrl, String portalUrl, String clientId, String clientSecret,
                               String audience, boolean local, String bootstrapTimebank, String rpId,
                               String mailFrom, Duration slowDownStep) {

    /** The portal's secret on the local platform only, where WEB_CLIENT_SECRET may be left out. */
    public static final String LOCAL_CLIENT_SECRET = "local-development-secret";

    /**
     * Where a person signed in here goes next: the portal's own sign-in, which finds them signed in
     * here and comes back signed in there (the portal's root would greet them as a visitor).
     */
    public String portalSignIn() {
        return portalUrl + "/oauth2/authorization/reciprocity";
    }

    public IdentitySettings {
        if ((clientSecret == null || clientSecret.isBlank()) && local) {
            clientSecret = LOCAL_CLIENT_SECRET;
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalStateException("WEB_CLIENT_SECRET is required (only the local platform has a default)");
        }
        if (slowDownStep == null) {
            slowDownStep = Duration.ofSeconds(1);
        }
    }
}
