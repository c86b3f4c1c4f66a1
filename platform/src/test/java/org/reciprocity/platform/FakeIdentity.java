package org.reciprocity.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
 * identity-service as the portal contract describes what the launcher uses of it: its keys at
 * {@code /oauth2/jwks}, {@code POST /local/token} (signs what it is asked, with its own key and
 * name) and {@code GET /local/first-admin-link} (a link, or 404 once an admin has set up sign-in).
 */
final class FakeIdentity implements AutoCloseable {

    final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    volatile String firstAdminLink;
    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;

    FakeIdentity(int port, String audience) throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("identity").generate();
        issuer = "http://localhost:" + port;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> reply(exchange, 200, jwks));
        server.createContext("/local/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            tokenRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " " + form);
            String member = value(form, "member");
            String timebank = value(form, "timebank");
            List<String> roles = List.of(value(form, "roles").split(","));
            reply(exchange, 200, sign(member, timebank, roles, audience).getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/local/first-admin-link", exchange -> {
            String link = firstAdminLink;
            if (link == null) {
                reply(exchange, 404, "Not Found".getBytes(StandardCharsets.UTF_8));
            } else {
                reply(exchange, 200, (link + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    private String sign(String member, String timebank, List<String> roles, String audience) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(member)
                .claim("timebank_id", timebank).claim("roles", roles).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(String form, String name) {
        for (String pair : form.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }
}
