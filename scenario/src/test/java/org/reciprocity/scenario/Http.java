package org.reciprocity.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP client, as curl would call the services. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    private Http() {
    }

    static Answer get(String url, String token) {
        return send(request(url, token).GET().build());
    }

    static Answer post(String url, String token, String json) {
        return send(request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(request.method() + " " + request.uri().getPath(), response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(request.method() + " " + request.uri().getPath(), -1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(String call, int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(call + ": not JSON: " + body, e);
            }
        }

        String text(String field) {
            return json().path(field).asText();
        }

        /** This answer, if its status is the one expected; else a failure that shows the body. */
        Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError(call + " answered " + status + ", expected " + expected + ": " + body);
            }
            return this;
        }
    }
}
