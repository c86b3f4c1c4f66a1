package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's care of one child, on tiny stand-in processes ({@code sleep}, {@code sh}) instead of real services. */
class SupervisedTest {

    private static final Backoff QUICK = new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(60));

    @TempDir
    Path data;
    ScheduledExecutorService timer;
    Supervised supervised;

    @BeforeEach
    void setUp() throws IOException {
        timer = Executors.newScheduledThreadPool(2);
        PlatformLog.writeTo(data);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (supervised != null) {
            supervised.stop(Duration.ofSeconds(5));
        }
        timer.shutdownNow();
    }

    @Test
    void aChildKilledWithKillNineIsStartedAgainAndHealthy() throws Exception {
        supervised = supervise(child("sleep", "600"));
        long first = awaitRunning().pid();

        ProcessHandle.of(first).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(() -> supervised.status().restarts() == 1
                && supervised.status().state() == Supervised.State.RUNNING);
        Supervised.Status again = supervised.status();
        assertThat(again.pid()).isNotEqualTo(first);
        assertThat(ProcessHandle.of(again.pid())).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        assertThat(again.lastExitCode()).isEqualTo(137);
        assertThat(platformLog()).contains("fake stopped unexpectedly (exit code 137, killed by signal 9); starting it again in")
                .contains("fake is running again");
        assertThat(Files.readString(data.resolve("pids").resolve("fake.pid")).trim()).isEqualTo(again.pid().toString());
    }

    @Test
    void aChildThatKeepsStoppingIsStillStartedAgainAndTheLauncherSaysSo() throws Exception {
        supervised = supervise(child("sh", "-c", "exit 3"));

        await().atMost(Duration.ofSeconds(15)).until(() -> supervised.status().restarts() >= 6);

        assertThat(supervised.status().lastExitCode()).isEqualTo(3);
        assertThat(platformLog()).contains("fake stopped unexpectedly (exit code 3); starting it again in 0.1 s")
                .contains("starting it again in 0.2 s")
                .contains("It keeps stopping (3 times in a row); still starting it again, in 0.4 s")
                .contains("It keeps stopping (6 times in a row); still starting it again, in 0.4 s");
    }

    @Test
    void aChildAskedToStopIsNotStartedAgain() throws Exception {
        supervised = supervise(child("sleep", "600"));
        long pid = awaitRunning().pid();

        supervised.stop(Duration.ofSeconds(5));
        Thread.sleep(500);

        assertThat(supervised.status().state()).isEqualTo(Supervised.State.STOPPED);
        assertThat(supervised.status().restarts()).isZero();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(data.resolve("pids").resolve("fake.pid")).doesNotExist();
    }

    @Test
    void aChildThatStopsOnceWhileStartingIsStartedAgainAndThePlatformStartGoesOn() throws Exception {
        Path once = data.resolve("stopped-once");
        supervised = supervise(child("sh", "-c", "if [ -e " + once + " ]; then exec sleep 600; else touch " + once + "; exit 1; fi"));

        LocalPlatform.awaitFirstStart(List.of(supervised), Duration.ofSeconds(20));

        assertThat(supervised.status().state()).isEqualTo(Supervised.State.RUNNING);
        assertThat(supervised.status().restarts()).isEqualTo(1);
    }

    @Test
    void aChildThatStopsThreeTimesBeforeItsFirstHealthyStartFailsThePlatformStart() throws Exception {
        supervised = supervise(child("sh", "-c", "exit 3"));

        assertThatThrownBy(() -> LocalPlatform.awaitFirstStart(List.of(supervised), Duration.ofSeconds(20)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fake stopped 3 times while starting");
    }

    private Supervised supervise(Child child) throws IOException {
        Supervised started = new Supervised(child, QUICK, Duration.ofSeconds(10), timer, new PidFiles(data));
        started.start();
        return started;
    }

    private Supervised.Status awaitRunning() {
        await().atMost(Duration.ofSeconds(10)).until(() -> supervised.status().state() == Supervised.State.RUNNING);
        return supervised.status();
    }

    private String platformLog() throws IOException {
        return Files.readString(data.resolve("logs").resolve("platform.log"));
    }

    /** A child that is healthy as long as its process lives. */
    private Child child(String... command) {
        Path log = data.resolve("logs").resolve("fake.log");
        return new Child() {
            private Process process;

            @Override
            public String name() {
                return "fake";
            }

            @Override
            public Process launch() throws IOException {
                process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
                return process;
            }

            @Override
            public boolean isHealthy() {
                return process.isAlive();
            }

            @Override
            public Path logFile() {
                return log;
            }
        };
    }
}
