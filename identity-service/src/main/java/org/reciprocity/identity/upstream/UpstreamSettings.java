package org.reciprocity.identity.upstream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An upstream OpenID Connect provider people may sign in with instead of a Reciprocity password
 * (see application.yml for the env names). Off unless {@code issuer} is set. identity-service still
 * issues its own tokens: the upstream only proves who the person is.
 *
 * @param issuer              the provider's issuer URL (its discovery document is read from it)
 * @param clientId            identity-service's client id at the provider
 * @param clientSecret        and its secret
 * @param name                what the sign-in button calls the provider ("Sign in with {name}")
 * @param emailClaim          the ID token claim holding the person's e-mail address
 * @param emailVerifiedClaim  the claim that must be {@code true} for that address to be trusted;
 *                            blank only for a provider whose addresses are all its own (checked already)
 */
@ConfigurationProperties("reciprocity.identity.upstream")
public record UpstreamSettings(String issuer, String clientId, String clientSecret, String name, String emailClaim,
                               String emailVerifiedClaim) {

    /** The registration id: the paths are /oauth2/authorization/upstream and /login/oauth2/code/upstream. */
    public static final String REGISTRATION = "upstream";

    public UpstreamSettings {
        issuer = blankToNull(issuer);
        name = blankToNull(name);
        emailClaim = emailClaim == null || emailClaim.isBlank() ? "email" : emailClaim.strip();
        emailVerifiedClaim = blankToNull(emailVerifiedClaim);
        if (issuer != null && (clientId == null || clientId.isBlank())) {
            throw new IllegalStateException("RECIPROCITY_UPSTREAM_CLIENT_ID is required with RECIPROCITY_UPSTREAM_ISSUER");
        }
        if (issuer != null && name == null) {
            throw new IllegalStateException("RECIPROCITY_UPSTREAM_NAME is required with RECIPROCITY_UPSTREAM_ISSUER "
                    + "(the sign-in page says \"Sign in with <name>\")");
        }
    }

    public boolean enabled() {
        return issuer != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
