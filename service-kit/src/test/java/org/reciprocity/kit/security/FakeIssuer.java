package org.reciprocity.kit.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

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
import com.sun.net.httpserver.HttpServer;

/**
 * An issuer for the kit's tests: serves its JWK set over HTTP, or fails to (an error, or an
 * answer slower than the service waits), counts the fetches, and signs tokens.
 */
final class FakeIssuer implements AutoCloseable {

    static final String AUDIENCE = "reciprocity";

    enum Mode { ANSWERS, FAILS, HANGS }

    private final RSAKey key;
    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile Mode mode = Mode.ANSWERS;

    private FakeIssuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    static FakeIssuer start(Mode mode) {
        try {
            RSAKey key = newKey("kit-test-" + UUID.randomUUID());
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fake-issuer");
                thread.setDaemon(true);
                return thread;
            }));
            FakeIssuer issuer = new FakeIssuer(key, server);
            issuer.mode = mode;
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                issuer.fetches.incrementAndGet();
                switch (issuer.mode) {
                    case FAILS -> exchange.sendResponseHeaders(503, -1);
                    case HANGS -> {
                        sleep(Duration.ofSeconds(3));
                        exchange.sendResponseHeaders(503, -1);
                    }
                    case ANSWERS -> {
                        exchange.getResponseHeaders().add("Content-Type", "application/json");
                        exchange.sendResponseHeaders(200, jwks.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(jwks);
                        }
                    }
                }
                exchange.close();
            });
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    int fetches() {
        return fetches.get();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String jwkSetUri() {
        return issuer() + "/jwks.json";
    }

    /** The properties that make a service trust this issuer. */
    List<String> properties() {
        return List.of("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwkSetUri(),
                "reciprocity.security.issuer=" + issuer(),
                "spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE);
    }

    /** A good token: this issuer, our audience, an hour to live. */
    String token(String member, String timebank, String... roles) {
        return token(claims -> claims, member, timebank, roles);
    }

    /** A token signed by this issuer's key with claims changed from a good token's. */
    String token(UnaryOperator<JWTClaimsSet.Builder> change, String member, String timebank, String... roles) {
        return sign(key, change.apply(goodClaims(member, timebank, roles)).build());
    }

    /** A token like a good one but signed by a key this issuer never published. */
    String forged(String member, String timebank, String... roles) {
        return sign(newKey("forged-" + UUID.randomUUID()), goodClaims(member, timebank, roles).build());
    }

    private JWTClaimsSet.Builder goodClaims(String member, String timebank, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer()).audience(AUDIENCE).subject(member)
                .claim("timebank_id", timebank).claim("roles", List.of(roles))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
