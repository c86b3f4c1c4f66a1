package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What the README's run command starts, started here on free ports and a fresh data folder: a
 * real KRaft broker in a child JVM, mongo-java-server on H2, and the three services as separate
 * processes. The slice runs across them, a match agreed in matching is fulfilled in the ledger and
 * completed back in matching, and the data survives a restart of everything.
 */
class LocalPlatformIT {

    @Test
    void theWholePlatformRunsTheSliceAndKeepsItsDataAcrossARestart() throws Exception {
        PlatformConfig config = onFreePorts(Files.createTempDirectory("reciprocity-platform-it"));

        StepSevenSlice.Created created;
        try (LocalPlatform platform = new LocalPlatform(config)) {
            platform.start(Duration.ofSeconds(150));
            created = StepSevenSlice.run(platform);

            String member = platform.devToken("m-1", created.timebank(), List.of("MEMBER"));
            assertThat(Http.post(platform.url("ledger-service") + "/api/v1/timebanks", null, "{}").status())
                    .as("no token").isEqualTo(401);
            assertThat(Http.post(platform.url("ledger-service") + "/api/v1/timebanks/" + created.timebank() + "/members",
                    member, "{\"kind\":\"CARER\",\"displayName\":\"Kim\"}").status()).as("wrong role").isEqualTo(403);

            MatchToLedgerFlow.run(platform, created.timebank());
        }

        try (LocalPlatform restarted = new LocalPlatform(config)) {
            restarted.start(Duration.ofSeconds(150));
            StepSevenSlice.assertReadModelsHave(restarted, created);
        }
    }

    private static PlatformConfig onFreePorts(Path data) throws IOException {
        int[] ports = new int[8];
        for (int i = 0; i < ports.length; i++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports[i] = socket.getLocalPort();
            }
        }
        return PlatformConfig.fromEnvironment()
                .withPorts(data, ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7]);
    }
}
