package org.reciprocity.review;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.reciprocity.testsupport.ApiClient;

/**
 * Requests the shared {@link ApiClient} does not make: any headers ({@code Accept}, {@code
 * Accept-Language}, a wrong {@code Content-Type}) and a body of raw bytes. The target is sent as
 * written, so a test can put what it likes in the path and the query.
 */
final class ReviewHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ReviewHttp() {
    }

    static ApiClient.Response get(String baseUrl, String path, String token, Map<String, String> headers) {
        return send(baseUrl, "GET", path, token, headers, null);
    }

    static ApiClient.Response send(String baseUrl, String method, String target, String token,
                                   Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + target)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ApiClient.Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
