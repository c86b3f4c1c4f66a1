package org.reciprocity.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The launcher's own pages on 127.0.0.1 (port 9000 by default): what runs ({@code /dev/status}),
 * the e-mails sent ({@code /dev/mail}), a backup ({@code /dev/backup}), and, for the API
 * walk-through and scripts, {@code /dev/token}: a token from identity-service's local-only helper,
 * relayed. Sign-in itself is identity-service's; nothing here signs a token the services take.
 */
final class DevPages implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final HttpServer server;
    private final IdentityClient identity;
    private final String jwkSetUri;

    private DevPages(HttpServer server, IdentityClient identity, String jwkSetUri) {
        this.server = server;
        this.identity = identity;
        this.jwkSetUri = jwkSetUri;
    }

    /** Serves the launcher's pages on the configured port, relaying tokens from the configured identity-service. */
    static DevPages start(PlatformConfig config) throws IOException {
        return start(config.issuerPort(), new IdentityClient(config.issuer()), config.jwkSetUri());
    }

    static DevPages start(int port, IdentityClient identity, String jwkSetUri) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        DevPages pages = new DevPages(server, identity, jwkSetUri);
        server.createContext("/dev/token", pages::token);
        // scripts written for the old development issuer wait for keys here: identity-service's, relayed
        server.createContext("/jwks.json", pages::keys);
        // a backup takes a few seconds: the status page and the rest answer meanwhile
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "dev-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return pages;
    }

    /** Serves {@code body()} as plain text at {@code path} (local development pages such as /dev/mail). */
    void serve(String path, java.util.function.Supplier<byte[]> body) {
        server.createContext(path, exchange -> reply(exchange, 200, "text/plain; charset=utf-8", body.get()));
    }

    /** Serves {@code path} (and the paths below it) with {@code handler}: the launcher's own pages. */
    void handle(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    /**
     * {@code GET /dev/token?timebank=demo&member=m-1&roles=MEMBER,COORDINATOR}: a token from
     * identity-service's {@code POST /local/token}, which answers loopback callers only, as this does.
     */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String timebank = query.getOrDefault("timebank", "demo");
        String member = query.getOrDefault("member", "dev-admin");
        List<String> roles = Arrays.asList(query.getOrDefault("roles", "MEMBER").split(","));
        String token;
        try {
            token = identity.token(member, timebank, roles);
        } catch (IllegalStateException e) {
            reply(exchange, 502, "text/plain; charset=utf-8", (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        reply(exchange, 200, "text/plain", token.getBytes(StandardCharsets.UTF_8));
    }

    private void keys(HttpExchange exchange) throws IOException {
        try {
            HttpResponse<byte[]> keys = HTTP.send(HttpRequest.newBuilder(URI.create(jwkSetUri)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            reply(exchange, keys.statusCode(), "application/json", keys.body());
        } catch (IOException e) {
            reply(exchange, 502, "text/plain; charset=utf-8", ("identity-service does not answer: " + e + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 503, "text/plain; charset=utf-8", new byte[0]);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
