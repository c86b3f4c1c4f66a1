package org.reciprocity.kit.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds the bearer token in the Authorization header. A well-formed header ({@code Bearer } and a
 * token of the characters RFC 6750 allows) is read here by a character check; anything else goes
 * to Spring Security's {@link DefaultBearerTokenResolver}, which answers exactly as before (no
 * token, or the same "malformed" error). The default runs a regular expression on every request,
 * about 4% of ledger-service's CPU under load; tokens in query or form parameters stay refused,
 * as they are by default.
 */
final class BearerHeader implements BearerTokenResolver {

    private static final String PREFIX = "Bearer ";

    private final DefaultBearerTokenResolver fallback = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return wellFormed(header) ? header.substring(PREFIX.length()) : fallback.resolve(request);
    }

    /** As {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, case-insensitive, the default's pattern. */
    static boolean wellFormed(String header) {
        if (header == null || header.length() <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        int i = PREFIX.length();
        int start = i;
        while (i < header.length() && tokenChar(header.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < header.length() && header.charAt(i) == '=') {
            i++;
        }
        return i == header.length();
    }

    private static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
