package org.reciprocity.portal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The services as the portal's tests need them: a JDK HTTP server answering canned JSON by method and
 * path, and keeping what it was sent. The real end-to-end run is the browser suite on the whole platform.
 */
public final class ServiceStub {

    public record Answer(int status, String contentType, String body) {
    }

    public record Received(String method, String path, String query, String authorization, String language,
                           String idempotencyKey, String body, String readReason) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private ServiceStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Accept-Language"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), body,
                    exchange.getRequestHeaders().getFirst("Reciprocity-Read-Reason")));
            Answer answer = answers.get(exchange.getRequestMethod() + " " + path);
            if (answer == null && "GET".equals(exchange.getRequestMethod()) && path.endsWith("/names")) {
                answer = names(path, exchange.getRequestURI().getQuery());
            }
            if (answer == null) {
                answer = new Answer(404, "application/problem+json",
                        "{\"status\":404,\"code\":\"not-found\",\"detail\":\"Not found.\"}");
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
        server.start();
    }

    public static ServiceStub start() {
        try {
            return new ServiceStub();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Matching's names ({@code GET …/names?ids=a,b}) as the stub's profiles say them, so a test that
     * stubs {@code GET …/profiles/{id}} gets the same names on every page: each profile answered with
     * 200 gives its id with its display name, or only {@code erased: true}. Ids without one are left out.
     */
    private Answer names(String path, String query) {
        String profiles = path.substring(0, path.length() - "/names".length()) + "/profiles/";
        String ids = query == null || !query.startsWith("ids=") ? "" : query.substring("ids=".length());
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        List<String> found = new java.util.ArrayList<>();
        for (String id : java.net.URLDecoder.decode(ids, StandardCharsets.UTF_8).split(",")) {
            Answer profile = answers.get("GET " + profiles + id);
            if (id.isEmpty() || profile == null || profile.status() != 200) {
                continue;
            }
            tools.jackson.databind.JsonNode node = json.readTree(profile.body());
            tools.jackson.databind.node.ObjectNode name = json.createObjectNode().put("memberId", id);
            if (node.path("erased").asBoolean(false)) {
                name.put("erased", true);
            } else if (node.hasNonNull("displayName")) {
                name.put("displayName", node.path("displayName").asText());
            } else {
                continue;
            }
            found.add(name.toString());
        }
        return new Answer(200, "application/json", "[" + String.join(",", found) + "]");
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public ServiceStub json(String methodAndPath, String json) {
        return answer(methodAndPath, 200, "application/json", json);
    }

    public ServiceStub problem(String methodAndPath, int status, String code, String detail) {
        return answer(methodAndPath, status, "application/problem+json",
                "{\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\"" + detail + "\"}");
    }

    public ServiceStub answer(String methodAndPath, int status, String contentType, String body) {
        answers.put(methodAndPath, new Answer(status, contentType, body));
        return this;
    }

    public List<Received> received() {
        return received;
    }

    public Received last(String method, String path) {
        for (int i = received.size() - 1; i >= 0; i--) {
            Received r = received.get(i);
            if (r.method().equals(method) && r.path().equals(path)) {
                return r;
            }
        }
        return null;
    }

    public void clear() {
        received.clear();
    }
}
