package org.reciprocity.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reciprocity.portal.*}: where the portal lives, so an e-mail's button opens the page that acts
 * on it ({@code <base-url>/contributions/<id>}).
 */
@ConfigurationProperties("reciprocity.portal")
public record PortalProperties(@DefaultValue("http://localhost:8080") String baseUrl) {

    /** The address of a portal page, from its path ({@code /contributions/c-1}). */
    public String link(String page) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + (page == null ? "/" : page);
    }
}
