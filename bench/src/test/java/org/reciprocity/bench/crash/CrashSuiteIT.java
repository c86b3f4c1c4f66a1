package org.reciprocity.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reciprocity.platform.FreePorts;

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
        int firstPort = FreePorts.block(10); // the launcher takes ten from the first

        CrashSuite.Report report = CrashSuite.run(new CrashSuite.Settings(project, data, 1,
                List.of("ledger-service", "launcher"), Duration.ofSeconds(5), firstPort, Duration.ofSeconds(240)));
        CrashSuite.print(report);

        assertThat(report.checks().get(0).passed())
                .as("the platform starts; its console said:%n%s", CrashSuite.tail(data.resolve("launcher-console.log"), 60))
                .isTrue();
        assertThat(report.load().validated()).as("validations acknowledged under load").isPositive();
        assertThat(report.checks()).filteredOn(check -> !check.passed()).isEmpty();
    }
}
