package org.reciprocity.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local platform's stand-in for sign-in, until the web portal brings a real issuer. It makes
 * a fresh RSA key at every start (so its tokens die with it), serves the public half as a JWK set
 * on 127.0.0.1 for the local services, and signs short-lived development tokens naming itself
 * ({@code iss}, its own address) and Reciprocity ({@code aud}), as the services check. Nothing
 * outside the local platform is configured to trust it.
 */
final class DevIssuer implements AutoCloseable {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;
    private final String audience;

    private DevIssuer(RSAKey key, HttpServer server, String issuer, String audience) {
        this.key = key;
        this.server = server;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** Serves the key set on the configured issuer port; its tokens name the configured issuer and audience. */
    static DevIssuer start(PlatformConfig config) throws IOException {
        return start(config.issuerPort(), config.issuer(), config.audience());
    }

    static DevIssuer start(int port, String issuer, String audience) throws IOException {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("dev-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not make the development key", e);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        DevIssuer dev = new DevIssuer(key, server, issuer, audience);
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks.json", exchange -> reply(exchange, 200, "application/json", jwks));
        server.createContext("/dev/token", dev::mint);
        // a backup takes a few seconds: the status page and the keys answer meanwhile
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "dev-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return dev;
    }

    /** Serves {@code body()} as plain text at {@code path} (local development pages such as /dev/mail). */
    void serve(String path, java.util.function.Supplier<byte[]> body) {
        server.createContext(path, exchange -> reply(exchange, 200, "text/plain; charset=utf-8", body.get()));
    }

    /** Serves {@code path} (and the paths below it) with {@code handler}: the launcher's own pages. */
    void handle(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    /** {@code GET /dev/token?timebank=demo&member=m-1&roles=MEMBER,COORDINATOR}: a development token. */
    private void mint(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String timebank = query.getOrDefault("timebank", "demo");
        String member = query.getOrDefault("member", "dev-admin");
        List<String> roles = Arrays.asList(query.getOrDefault("roles", "MEMBER").split(","));
        reply(exchange, 200, "text/plain", token(member, timebank, roles).getBytes(StandardCharsets.UTF_8));
    }

    String token(String memberId, String timebankId, List<String> roles) {
        return token(issuer, audience, memberId, timebankId, roles);
    }

    /** A token signed with the development key naming any issuer and audience (tests of the services' checks). */
    String token(String issuer, String audience, String memberId, String timebankId, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(memberId)
                .claim("timebank_id", timebankId)
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
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
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
