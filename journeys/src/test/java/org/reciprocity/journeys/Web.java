package org.reciprocity.journeys;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plain HTTP beside the browser (java.net.http, redirects not followed): the services' APIs with a
 * bearer token, and the portal's pages with a session cookie taken from a browser, to see the
 * status and headers a browser hides.
 */
final class Web {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private Web() {
    }

    record Reply(String call, int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> String.join(", ", e.getValue())).orElse(null);
        }

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

        Reply expect(int... expected) {
            for (int status : expected) {
                if (this.status == status) {
                    return this;
                }
            }
            throw new AssertionError(call + " answered " + status + ", expected " + java.util.Arrays.toString(expected) + ": "
                    + body);
        }

        @Override
        public String toString() {
            return call + " -> " + status;
        }
    }

    static Reply get(String url, String token) {
        return send(builder(url, token).GET());
    }

    static Reply postJson(String url, String token, Object body) {
        try {
            return send(builder(url, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reply postForm(String url, String token, Map<String, String> form) {
        return send(builder(url, token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** A page as the browser holding this session cookie would get it (no redirect followed). */
    static Reply page(String url, String cookie) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html");
        return send((cookie == null || cookie.isBlank() ? builder : builder.header("Cookie", cookie)).GET());
    }

    /** A form post from this session, with exactly the fields given (so without a CSRF token unless given). */
    static Reply postPage(String url, String cookie, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Cookie", cookie)
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, Object> json(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static HttpRequest.Builder builder(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        String call = request.method() + " " + request.uri();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(call, response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            return new Reply(call, -1, Map.of(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A PUT of a JSON body (issue 18: a member's profile, their consents). */
    static Reply putJson(String url, String token, Object body) {
        try {
            return send(builder(url, token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
