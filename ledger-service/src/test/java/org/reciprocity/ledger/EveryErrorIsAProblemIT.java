package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11, finding 9: every error, from whichever layer answers it (Tomcat, the security firewall,
 * a servlet filter, Spring MVC, a controller), is an RFC 9457 problem detail with a code — never
 * Tomcat's HTML page or Spring's default error JSON.
 */
@ServiceIntegrationTest
class EveryErrorIsAProblemIT {

    /** A second instance with a filter that fails on demand: a 500 outside any controller. */
    static AnotherLedger failing;

    @LocalServerPort
    int port;

    LedgerFixture given;
    String sam;
    String ali;

    @BeforeAll
    static void anInstanceWithAFaultyFilter() {
        failing = AnotherLedger.start(AnotherLedger.FailsOnDemand.class);
    }

    @AfterAll
    static void stopIt() {
        failing.close();
    }

    @BeforeEach
    void aTimebankWithTwoMembers() {
        given = new LedgerFixture(port);
        sam = given.aMember("Sam");
        ali = given.aMember("Ali");
    }

    @Test
    void anIdempotencyKeyOfTwentyKilobytesIsAProblem() {
        ApiClient.Response answer = given.api.post(given.path("/contributions"), given.as(sam),
                given.logBody(sam, ali, 10, "GIVER"), Map.of("Idempotency-Key", "k".repeat(20_000)));

        assertProblem(answer.status(), answer.contentType(), answer.body());
        // Tomcat refuses the header before any filter, with its own status; the body is ours
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("unreadable-request");
    }

    @Test
    void anIdempotencyKeyOverTwoHundredCharactersIsAProblem() {
        ApiClient.Response answer = given.api.post(given.path("/contributions"), given.as(sam),
                given.logBody(sam, ali, 10, "GIVER"), Map.of("Idempotency-Key", "k".repeat(201)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("idempotency-key-invalid");
    }

    @Test
    void anEncodedNulInAPathIsAProblem() throws IOException {
        Raw answer = raw("GET " + given.path("/contributions/a%00b") + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + given.as(sam) + "\r\nConnection: close\r\n\r\n");

        assertProblem(answer.status, answer.contentType, answer.body);
        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.body).doesNotContain("a\u0000b");
    }

    @Test
    void whatTheFirewallRefusesIsAProblem() throws IOException {
        for (String hostile : new String[] {"a%2Fb", "a%25b", "a;b", "a%5Cb", "a%0Ab", "..%2F..%2Fx"}) {
            Raw answer = raw("GET " + given.path("/contributions/" + hostile) + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + given.as(sam) + "\r\nConnection: close\r\n\r\n");

            assertProblem(answer.status, answer.contentType, answer.body);
            assertThat(answer.status).as(hostile).isEqualTo(400);
        }
    }

    @Test
    void anOversizedBodyIsAProblem() {
        Map<String, Object> body = given.logBody(sam, ali, 10, "GIVER");
        body.put("description", "x".repeat(300_000));

        ApiClient.Response withoutKey = given.api.post(given.path("/contributions"), given.as(sam), body);
        ApiClient.Response withKey = given.api.post(given.path("/contributions"), given.as(sam), body,
                Map.of("Idempotency-Key", "big-" + given.timebank));

        for (ApiClient.Response answer : new ApiClient.Response[] {withoutKey, withKey}) {
            assertProblem(answer.status(), answer.contentType(), answer.body());
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.code()).isEqualTo("too-large");
        }
    }

    @Test
    void aFailureOutsideAnyControllerIsAProblemWithoutItsStackTrace() {
        ApiClient other = new ApiClient("http://localhost:" + failing.port());
        ApiClient.Response answer = other.get(given.path("/accounts/" + sam) + "?fail=please", given.admin());

        assertProblem(answer.status(), answer.contentType(), answer.body());
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.code()).isEqualTo("server-error");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void anUnknownAddressAndAWrongMethodAreProblems() {
        ApiClient.Response nowhere = given.api.get("/api/v1/nowhere", given.admin());
        ApiClient.Response wrongMethod = given.api.send("DELETE", given.path("/contributions"), given.as(sam), null);

        assertProblem(nowhere.status(), nowhere.contentType(), nowhere.body());
        assertProblem(wrongMethod.status(), wrongMethod.contentType(), wrongMethod.body());
    }

    static void assertProblem(int status, String contentType, String body) {
        assertThat(contentType).as(status + " " + body).startsWith("application/problem+json");
        assertThat(body).contains("\"type\":\"urn:reciprocity:problem:").contains("\"code\":");
    }

    record Raw(int status, String contentType, String body) {
    }

    /** Sends bytes as written: a client can send what java.net.http refuses to. */
    Raw raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring("content-type:".length()).strip()).findFirst().orElse("");
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Raw(status, contentType, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
