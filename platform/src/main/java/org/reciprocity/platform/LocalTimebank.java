package org.reciprocity.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The local platform's own timebank ({@code RECIPROCITY_DEV_TIMEBANK}, {@code demo}): identity-service
 * makes its first admin, so the ledger must know the timebank before that admin invites anyone.
 */
final class LocalTimebank {

    static final String NAME = "Local timebank";
    static final String ZONE = "Europe/London";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private LocalTimebank() {
    }

    /** Opens the timebank unless the ledger has it already; true when this call opened it. */
    static boolean ensureOpen(String ledgerUrl, String adminToken, String timebankId) {
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(ledgerUrl + "/api/v1/timebanks/" + timebankId))
                .header("Authorization", "Bearer " + adminToken).GET());
        if (found.statusCode() == 200) {
            return false;
        }
        if (found.statusCode() != 404) {
            throw new IllegalStateException("the ledger answered " + found.statusCode() + ": " + found.body());
        }
        String body = "{\"id\":\"" + timebankId + "\",\"name\":\"" + NAME + "\",\"zoneId\":\"" + ZONE + "\"}";
        HttpResponse<String> opened = send(HttpRequest.newBuilder(URI.create(ledgerUrl + "/api/v1/timebanks"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (opened.statusCode() == 201) {
            return true;
        }
        if (opened.statusCode() == 409) {
            // opened meanwhile (another start, a person with the walk-through): what was wanted
            return false;
        }
        throw new IllegalStateException("the ledger did not open it (" + opened.statusCode() + "): " + opened.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the ledger does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
