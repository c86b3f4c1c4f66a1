package org.reciprocity.bench.coordinator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The services' HTTP APIs as the benchmark calls them: JSON, a bearer token, an {@code X-Bench}
 * header naming the call (the services' access logs then tell the benchmark's own calls from the
 * portal's), and an {@code Idempotency-Key} on every POST so that a retried write is not written twice.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1: the services speak nothing else, and an h2c upgrade offer would only add bytes. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, JsonNode body, String text, long nanos) {
        boolean ok() {
            return status / 100 == 2;
        }

        Answer require(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + ": " + status + " " + text.substring(0, Math.min(500, text.length())));
            }
            return this;
        }
    }

    private Api() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static Answer get(String url, String token, String label) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("X-Bench", label).GET(), 1);
    }

    static Answer post(String url, String token, String label, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("X-Bench", label).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), 3);
    }

    static Answer put(String url, String token, String label, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("X-Bench", label).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())), 3);
    }

    /** Sends, trying again (same request, same key) when no answer came or the service was briefly unable. */
    private static Answer send(HttpRequest.Builder builder, int tries) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(60)).build();
        for (int attempt = 1; ; attempt++) {
            long began = System.nanoTime();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                long nanos = System.nanoTime() - began;
                if ((response.statusCode() == 503 || response.statusCode() == 502) && attempt < tries) {
                    sleep(500L * attempt);
                    continue;
                }
                return new Answer(response.statusCode(), parse(response.body()), response.body(), nanos);
            } catch (IOException e) {
                if (attempt >= tries) {
                    return new Answer(0, JSON.missingNode(), e.toString(), System.nanoTime() - began);
                }
                sleep(500L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
