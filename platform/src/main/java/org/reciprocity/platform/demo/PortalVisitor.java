package org.reciprocity.platform.demo;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person at the portal over plain HTTP, as a browser with JavaScript off: their own cookies
 * (the portal's session and identity-service's sign-in), the CSRF token read from each form, every
 * redirect followed by hand. It signs in with a password through identity-service's form and the
 * OAuth2 redirects for real, so what it then sees is what that member sees. For the demo's test and
 * the portal benchmark; not a browser (no scripts, no styles, no pictures are fetched).
 */
public final class PortalVisitor {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final int MOST_REDIRECTS = 10;

    /** A page as it arrived: its status, address, text, and how long the one request took. */
    public record Page(int status, URI uri, String body, long nanos) {
        public String csrf() {
            Matcher m = CSRF.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on " + uri + " (" + status + ")");
            }
            return m.group(1);
        }

        public boolean has(String id) {
            return body.contains("id=\"" + id + "\"");
        }
    }

    private final URI portal;
    private final HttpClient http;

    public PortalVisitor(String portalUrl) {
        this.portal = URI.create(portalUrl.endsWith("/") ? portalUrl : portalUrl + "/");
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Signs in as a browser does: the portal's sign-in start, to identity-service's form, the form
     * posted with the password, and back through the redirects to the portal's home page (returned).
     */
    public Page signIn(String email, String password) {
        Page login = follow(get(portal.resolve("oauth2/authorization/reciprocity")));
        if (login.status() != 200 || !login.body().contains("name=\"password\"")) {
            throw new IllegalStateException("expected identity-service's sign-in form, got " + login.status() + " at " + login.uri());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", email);
        form.put("password", password);
        form.put("_csrf", login.csrf());
        Page home = follow(post(login.uri().resolve("/login"), form));
        if (home.status() != 200 || !home.uri().toString().startsWith(portal.toString())) {
            throw new IllegalStateException("sign-in as " + email + " ended at " + home.uri() + " (" + home.status() + ")");
        }
        return home;
    }

    /** One GET of a portal page (a redirect is returned as such, not followed). */
    public Page get(String path) {
        return get(portal.resolve(path.startsWith("/") ? path.substring(1) : path));
    }

    /** One POST of a portal form (the caller gives the CSRF token among the fields). */
    public Page post(String path, Map<String, String> form) {
        return post(portal.resolve(path.startsWith("/") ? path.substring(1) : path), form);
    }

    /** Follows redirects from a page until one that is not a redirect. */
    public Page follow(Page page) {
        Page current = page;
        for (int hop = 0; hop < MOST_REDIRECTS && current.status() >= 300 && current.status() < 400; hop++) {
            String location = current.body();
            current = get(current.uri().resolve(location));
        }
        return current;
    }

    private Page get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "text/html").GET().build());
    }

    private Page post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A redirect's page carries its Location as its body, so {@link #follow} needs nothing else. */
    private Page send(HttpRequest request) {
        long began = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - began;
            String body = response.statusCode() >= 300 && response.statusCode() < 400
                    ? response.headers().firstValue("Location").orElse("") : response.body();
            return new Page(response.statusCode(), request.uri(), body, took);
        } catch (IOException e) {
            return new Page(-1, request.uri(), e.toString(), System.nanoTime() - began);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
