package org.reciprocity.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * identity-service's local-only helpers, as the launcher calls them over loopback: tokens for the
 * API walk-through and the tests ({@code POST /local/token}), and the one-time link that sets up the
 * first admin ({@code GET /local/first-admin-link}), and the demo members' password ({@code POST /local/password}). identity-service answers them only when the
 * launcher started it ({@code RECIPROCITY_LOCAL=true}) and only to a loopback address.
 */
final class IdentityClient {

    /** How long identity-service's local tokens last (the contract: 8 h). */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String issuer;

    IdentityClient(String issuer) {
        this.issuer = issuer;
    }

    /** An access token signed by identity-service, with the claims the services check. */
    String token(String memberId, String timebankId, List<String> roles) {
        String form = "member=" + encoded(memberId) + "&timebank=" + encoded(timebankId) + "&roles="
                + encoded(String.join(",", roles));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(issuer + "/local/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("identity-service gave no token (" + answer.statusCode() + "): " + answer.body());
        }
        return answer.body().trim();
    }

    /**
     * Sets a known password on an account identity-service holds (invited through its API) and
     * completes its set-up: {@code POST /local/password}, for the demo timebank's sign-ins.
     */
    void setPassword(String memberId, String timebankId, String password) {
        String form = "member=" + encoded(memberId) + "&timebank=" + encoded(timebankId) + "&password=" + encoded(password);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(issuer + "/local/password"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("identity-service set no password (" + answer.statusCode() + "): " + answer.body());
        }
    }

    /** The first admin's one-time link; empty once an admin has set up sign-in (identity answers 404). */
    Optional<String> firstAdminLink() {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(issuer + "/local/first-admin-link")).GET());
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        if (answer.statusCode() != 200 || answer.body().isBlank()) {
            throw new IllegalStateException("identity-service gave no first-admin link (" + answer.statusCode() + "): "
                    + answer.body());
        }
        return Optional.of(answer.body().trim());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("identity-service does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking identity-service", e);
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
