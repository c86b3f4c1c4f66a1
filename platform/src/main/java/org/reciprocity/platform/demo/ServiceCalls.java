package org.reciprocity.platform.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The services' HTTP APIs as the demo loader calls them: JSON in and out, the member's bearer token,
 * an {@code Idempotency-Key} on every POST (a load cut short and started again within a day replays
 * the answer instead of writing twice).
 */
final class ServiceCalls {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    record Answer(int status, JsonNode body, String text) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String id() {
            return body.path("id").asText();
        }

        Answer require(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + ": " + status + " " + text);
            }
            return this;
        }
    }

    private ServiceCalls() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static Answer get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET());
    }

    static Answer post(String url, String token, String idempotencyKey, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    static Answer put(String url, String token, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = JSON.missingNode();
            }
            return new Answer(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + request.build().uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
