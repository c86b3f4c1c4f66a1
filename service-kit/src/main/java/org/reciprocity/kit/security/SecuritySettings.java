package org.reciprocity.kit.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reciprocity.security.*}: the issuer's name ({@code iss}) and how long a fetch of its key
 * set may take. The key set's URL and the audiences are Boot's own properties ({@link TrustedIssuer}).
 *
 * @param issuer the {@code iss} every token must carry ({@code JWT_ISSUER})
 * @param jwkConnectTimeout how long to wait for the issuer to accept a connection
 * @param jwkReadTimeout how long to wait for its answer once connected
 */
@ConfigurationProperties("reciprocity.security")
public record SecuritySettings(String issuer, @DefaultValue("2s") Duration jwkConnectTimeout,
                               @DefaultValue("5s") Duration jwkReadTimeout) {
}
