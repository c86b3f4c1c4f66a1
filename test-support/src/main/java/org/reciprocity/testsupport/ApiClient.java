package org.reciprocity.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.reciprocity.contracts.kafka.EventJson;

import tools.jackson.databind.JsonNode;

/** Calls a service's HTTP API as a client would: JSON in, status and JSON out. */
public final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Response get(String path, String token) {
        return send(builder(path, token, Map.of()).GET().build());
    }

    public Response post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    public Response post(String path, String token, Object body, Map<String, String> headers) {
        String json = body instanceof String s ? s : EventJson.mapper().writeValueAsString(body);
        return send(builder(path, token, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response put(String path, String token, Object body) {
        String json = body instanceof String s ? s : EventJson.mapper().writeValueAsString(body);
        return send(builder(path, token, Map.of()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response delete(String path, String token) {
        return send(builder(path, token, Map.of()).DELETE().build());
    }

    /** Any method, with an optional JSON body: for tests that walk every endpoint. */
    public Response send(String method, String path, String token, Object body) {
        String json = body == null ? null : body instanceof String s ? s : EventJson.mapper().writeValueAsString(body);
        HttpRequest.Builder builder = builder(path, token, Map.of());
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * Any method, any headers ({@code Accept}, {@code Accept-Language}, a wrong {@code Content-Type}) and a
     * body of raw bytes (none when null): for tests that send what no well-behaved client would. The path
     * and query are sent as written.
     */
    public Response send(String method, String path, String token, Map<String, String> headers, byte[] body) {
        return send(builder(path, token, headers).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpRequest.Builder builder(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer; {@link #json()} parses its body. */
    public record Response(int status, String body, String contentType) {
        public JsonNode json() {
            return EventJson.mapper().readTree(body);
        }

        /** The problem detail's stable code, or null when this is not a problem. */
        public String code() {
            return contentType.startsWith("application/problem+json") ? text("code") : null;
        }

        public String text(String field) {
            return json().path(field).asString();
        }
    }
}
