package org.reciprocity.identity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without RECIPROCITY_LOCAL=true the helpers do not exist, even for a caller on this machine. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "reciprocity.identity.local=false")
class LocalHelpersOffIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        org.reciprocity.identity.TestSupport.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void theHelpersAnswer404WhenTheLocalSwitchIsOff() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/local/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("member=admin&timebank=demo&roles=ADMIN")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(404);
        assertThat(token.body()).doesNotContain("eyJ");
        HttpResponse<String> link = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/local/first-admin-link")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(link.statusCode()).isEqualTo(404);
        HttpResponse<String> password = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/local/password"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("member=admin&timebank=demo&password=time+given+is+time+shared")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(password.statusCode()).isEqualTo(404);
    }
}
