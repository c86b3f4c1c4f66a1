package org.reciprocity.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
import com.sun.net.httpserver.HttpServer;

/**
 * A test issuer: an RSA key made for this JVM, its JWK set served over HTTP (the services fetch
 * it exactly as they fetch a real issuer's), and bearer tokens signed with it, naming it as their
 * issuer ({@code iss}) and {@link #AUDIENCE} as their audience ({@code aud}), as the services
 * under test expect ({@link SharedInfrastructureInitializer}).
 */
public final class TestTokens {

    /** The audience the services under test take tokens for. */
    public static final String AUDIENCE = "reciprocity";

    private final RSAKey key;
    private final HttpServer server;

    private TestTokens(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    static TestTokens start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("test-" + UUID.randomUUID()).generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return new TestTokens(key, server);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("could not start the test token issuer", e);
        }
    }

    public String jwkSetUri() {
        return issuer() + "/jwks.json";
    }

    /** The issuer the services under test trust: the {@code iss} of this issuer's tokens. */
    public String issuer() {
        return server == null ? "https://forger.example" : "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A bearer token for {@code memberId} in {@code timebankId} with the given roles, valid for an hour. */
    public String token(String memberId, String timebankId, String... roles) {
        return tokenFrom(issuer(), AUDIENCE, memberId, timebankId, roles);
    }

    /**
     * A token signed with this issuer's key but naming {@code issuer} and {@code audience}: a
     * good signature on a token the services must still refuse when either is not theirs.
     */
    public String tokenFrom(String issuer, String audience, String memberId, String timebankId, String... roles) {
        return sign(issuer, audience, memberId, timebankId, java.time.Duration.ofHours(1), roles);
    }

    private String sign(String issuer, String audience, String memberId, String timebankId, java.time.Duration validFor,
                        String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(memberId)
                .issuer(issuer)
                .audience(audience)
                .claim("timebank_id", timebankId)
                .claim("roles", List.of(roles))
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plus(validFor)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Like {@link #token(String, String, String...)}, but valid for {@code validFor} from now. */
    public String token(String memberId, String timebankId, java.time.Duration validFor, String... roles) {
        return sign(issuer(), AUDIENCE, memberId, timebankId, validFor, roles);
    }

    /** A token signed by a key the services do not trust. */
    public static String forgedToken(String memberId, String timebankId, String... roles) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID("forged").generate();
            return new TestTokens(other, null).token(memberId, timebankId, roles);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
