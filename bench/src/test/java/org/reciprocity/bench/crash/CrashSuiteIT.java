package org.reciprocity.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The crash suite's short version, in every build: the launcher and the ledger killed with
 * {@code kill -9} once each under load. The full suite (ten cycles of every process) is
 * {@code scripts/crash-suite.sh}; see docs/reliability.md.
 */
class CrashSuiteIT {

    @Test
    void noAcknowledgedHourIsLostOrDoubledAndEveryProcessComesBackAfterKillNine() throws Exception {
        Path project = Path.of(System.getProperty("reciprocity.project.dir", "..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("reciprocity-crash-it");
        int firstPort = freePortBlock();

        CrashSuite.Report report = CrashSuite.run(new CrashSuite.Settings(project, data, 1,
                List.of("ledger-service", "launcher"), Duration.ofSeconds(5), firstPort, Duration.ofSeconds(240)));
        CrashSuite.print(report);

        assertThat(report.checks().get(0).passed())
                .as("the platform starts; its console said:%n%s", CrashSuite.tail(data.resolve("launcher-console.log"), 60))
                .isTrue();
        assertThat(report.load().validated()).as("validations acknowledged under load").isPositive();
        assertThat(report.checks()).filteredOn(check -> !check.passed()).isEmpty();
    }

    /**
     * Eight consecutive free ports, as the launcher takes them from the first: below the kernel's
     * ephemeral range (32768 and up), so no outgoing connection of the platform's own can take one
     * of them between this check and the moment its service binds it.
     */
    private static int freePortBlock() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = 20_000 + new java.util.Random().nextInt(12_000);
            boolean free = true;
            for (int port = first; port < first + 8 && free; port++) {
                try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                    socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                } catch (java.io.IOException e) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("no block of eight free ports");
    }
}
