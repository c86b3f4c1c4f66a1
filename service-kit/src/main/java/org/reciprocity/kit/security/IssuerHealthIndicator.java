package org.reciprocity.kit.security;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while the service holds the issuer's keys, so it can check sign-ins; DOWN until the first
 * fetch works (and again if they could not be refreshed before they expired). It reads what
 * {@link KeyRefresher} fetched and never calls the issuer itself.
 */
final class IssuerHealthIndicator implements HealthIndicator {

    private final IssuerKeys keys;

    IssuerHealthIndicator(IssuerKeys keys) {
        this.keys = keys;
    }

    @Override
    public Health health() {
        Health.Builder health = keys.held() ? Health.up() : Health.down();
        health.withDetail("jwkSetUri", keys.uri());
        if (keys.fetchedAt() != null) {
            health.withDetail("keys", keys.keyCount()).withDetail("fetchedAt", keys.fetchedAt().toString());
        }
        if (keys.lastError() != null) {
            health.withDetail("lastError", keys.lastError());
        }
        return health.build();
    }
}
