package org.reciprocity.kit.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reciprocity.kit.web.ProblemDetailsAdvice;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small web service with the kit's security (and none of Kafka or MongoDB), started on a free
 * port: one endpoint that needs a sign-in, and the health endpoint with a component whose
 * details must stay private.
 */
final class KitApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;

    private KitApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the service with these properties (as if given on the command line). */
    static KitApp start(List<String> properties, Class<?>... moreSources) {
        List<String> args = new ArrayList<>(properties.stream().map(p -> "--" + p).toList());
        args.add("--server.port=0");
        return new KitApp(application().sources(moreSources).run(args.toArray(String[]::new)));
    }

    static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(Service.class).properties(
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                        + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration,"
                        + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "spring.main.banner-mode=off",
                "management.endpoints.web.exposure.include=health");
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    Answer get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer post(String path, String token, String json) {
        return post(path, token, json, null);
    }

    /** A POST from a reader whose browser asks for {@code acceptLanguage} (none when null). */
    Answer post(String path, String token, String json, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A GET written on the socket as given, for request targets {@link java.net.URI} refuses to build
     * (a broken %-escape): the status and the body, read to the end of the connection.
     */
    Answer rawGet(String target, String token) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n") + 4;
            String body = response.substring(bodyStart);
            if (response.substring(0, bodyStart).toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
            }
            return new Answer(status, body, Map.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }

    record Answer(int status, String body, Map<String, List<String>> headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String code() {
            return json().path("code").asString();
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({SecurityConfiguration.class, ProblemDetailsAdvice.class, Hello.class})
    static class Service {

        /** Stands in for Kafka's and MongoDB's indicators: details no stranger should see. */
        @Bean
        HealthIndicator brokerHealthIndicator() {
            return () -> Health.up().withDetail("clusterId", "private-cluster-id").build();
        }
    }

    @RestController
    static class Hello {
        @GetMapping("/api/v1/hello")
        Map<String, String> hello() {
            return Map.of("member", Caller.current().memberId());
        }

        /** Reads a query value, as {@code /names?ids=…} and the member list's search do. */
        @GetMapping("/api/v1/echo")
        Map<String, String> echo(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String q) {
            return Map.of("q", q);
        }

        /** Takes a date, as logging time does. */
        @PostMapping("/api/v1/dated")
        Map<String, String> dated(@RequestBody Dated body) {
            return Map.of("on", body.on().toString());
        }
    }

    record Dated(java.time.LocalDate on, int minutes) {
    }
}
