package org.reciprocity.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The cluster suite's short version, in every build (issue 19): on three KRaft brokers (every topic on
 * three replicas, min.insync.replicas 2), under load, the active controller killed with {@code kill -9}
 * once, started again by the launcher; then nothing acknowledged lost or doubled, no phantom event, the
 * consumers caught up. The full suite (ten failovers, alternating the controller and a busy partition's
 * leader) is {@code scripts/cluster-suite.sh}; see docs/reliability.md. Shares the platform of
 * {@link CrashSuiteIT} ({@link SharedLauncher}).
 */
class ClusterFailoverIT {

    @Test
    void afterTheActiveControllerIsKilledUnderLoadNothingAcknowledgedIsLostOrDoubledAndTheConsumersCatchUp() throws Exception {
        Launcher launcher = SharedLauncher.get();

        ClusterSuite.Report report = ClusterSuite.run(launcher, new ClusterSuite.Settings(null, SharedLauncher.dataDir(), 1,
                Duration.ofSeconds(5), 0, Duration.ofSeconds(300)));
        ClusterSuite.print(report);

        assertThat(report.checks().get(0).passed())
                .as("the platform starts; its console said:%n%s", CrashSuite.tail(SharedLauncher.dataDir()
                        .resolve("launcher-console.log"), 60))
                .isTrue();
        assertThat(report.failovers()).as("one broker killed and back").hasSize(1);
        assertThat(report.load().validated()).as("validations acknowledged under load").isPositive();
        assertThat(report.load().registered()).as("registrations acknowledged under load").isPositive();
        assertThat(report.checks()).filteredOn(check -> !check.passed())
                .as("every check; the launcher's console ended:%n%s", CrashSuite.tail(SharedLauncher.dataDir()
                        .resolve("launcher-console.log"), 80))
                .isEmpty();
    }
}
