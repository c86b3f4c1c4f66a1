package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The launcher waits on each service's health as a stranger sees it: the overall status only. */
class ServiceNodeTest {

    HttpServer service;

    @AfterEach
    void stop() {
        service.stop(0);
    }

    @Test
    void aServiceIsHealthyWhenItsHealthSaysUpToAStranger() throws IOException {
        answering(200, "{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");

        assertThat(ServiceNode.isHealthy(url())).isTrue();
    }

    @Test
    void aServiceStillWaitingForTheIssuersKeysIsNotHealthy() throws IOException {
        answering(503, "{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"DOWN\"}");

        assertThat(ServiceNode.isHealthy(url())).isFalse();
    }

    private void answering(int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/actuator/health", exchange -> {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        service.start();
    }

    private String url() {
        return "http://127.0.0.1:" + service.getAddress().getPort();
    }
}
