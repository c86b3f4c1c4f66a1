package org.reciprocity.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the portal, identity-service and the services are; read from the environment (docs/portal.md). */
@ConfigurationProperties("reciprocity")
public record PortalSettings(String portalUrl, String issuerUrl, String identityUrl, String ledgerUrl,
                             String matchingUrl, String notificationUrl, String clientId, String clientSecret,
                             String defaultZone, String communityPot) {

    /** The issuer with no trailing slash, so paths can be appended. */
    public String issuer() {
        return issuerUrl.endsWith("/") ? issuerUrl.substring(0, issuerUrl.length() - 1) : issuerUrl;
    }
}
