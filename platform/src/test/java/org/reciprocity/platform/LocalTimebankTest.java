package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The local timebank is opened in the ledger at the first start, and only then. */
class LocalTimebankTest {

    HttpServer ledger;
    volatile boolean open;
    final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        ledger = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ledger.createContext("/api/v1/timebanks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            int status;
            if ("GET".equals(exchange.getRequestMethod())) {
                status = open ? 200 : 404;
            } else {
                status = open ? 409 : 201;
                open = true;
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        ledger.start();
    }

    @AfterEach
    void stop() {
        ledger.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + ledger.getAddress().getPort();
    }

    @Test
    void aLedgerWithoutTheTimebankHasItOpenedOnceWithTheAdminsToken() {
        assertThat(LocalTimebank.ensureOpen(url(), "t0k", "demo")).isTrue();
        assertThat(LocalTimebank.ensureOpen(url(), "t0k", "demo")).as("the next start").isFalse();

        assertThat(calls).containsExactly(
                "GET /api/v1/timebanks/demo  Bearer t0k",
                "POST /api/v1/timebanks {\"id\":\"demo\",\"name\":\"Local timebank\",\"zoneId\":\"Europe/London\"} Bearer t0k",
                "GET /api/v1/timebanks/demo  Bearer t0k");
    }
}
