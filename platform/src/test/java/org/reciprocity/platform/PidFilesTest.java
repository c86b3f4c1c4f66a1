package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A launcher stops what an earlier run of the same data folder left alive, and nothing else. */
class PidFilesTest {

    @TempDir
    Path data;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void theLauncherStopsAChildAnEarlierRunLeftAlive() throws Exception {
        PidFiles pids = new PidFiles(data);
        Process orphan = start(List.of(java(), PidFiles.marker(data), "-cp", System.getProperty("java.class.path"),
                FakeChild.class.getName()));
        pids.write("kafka", orphan.pid());

        List<String> stopped = pids.stopLeftovers();

        assertThat(stopped).containsExactly("kafka (pid " + orphan.pid() + ")");
        assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(data.resolve("pids").resolve("kafka.pid")).doesNotExist();
    }

    @Test
    void aProcessThatMerelyHasTheSamePidIsLeftAlone() throws Exception {
        PidFiles pids = new PidFiles(data);
        Process stranger = start(List.of("sleep", "600"));
        pids.write("ledger-service", stranger.pid());

        assertThat(pids.stopLeftovers()).isEmpty();
        assertThat(stranger.isAlive()).isTrue();
    }

    @Test
    void aChildOfAnotherDataFolderIsLeftAlone() throws Exception {
        PidFiles pids = new PidFiles(data);
        Process other = start(List.of(java(), PidFiles.marker(data.resolve("elsewhere")), "-cp",
                System.getProperty("java.class.path"), FakeChild.class.getName()));
        pids.write("kafka", other.pid());

        assertThat(pids.stopLeftovers()).isEmpty();
        assertThat(other.isAlive()).isTrue();
    }

    @Test
    void aLauncherStillRunningOnTheDataFolderIsRecognisedByItsPidAndStartTime() throws Exception {
        Process launcher = start(List.of("sleep", "600"));
        String startedAt = launcher.toHandle().info().startInstant().orElseThrow().toString();
        Path file = java.nio.file.Files.createDirectories(data.resolve("pids")).resolve("launcher.pid");

        java.nio.file.Files.writeString(file, launcher.pid() + "\n" + startedAt + "\n");
        assertThat(new PidFiles(data).runningLauncher()).contains(launcher.pid());

        java.nio.file.Files.writeString(file, launcher.pid() + "\n2001-01-01T00:00:00Z\n");
        assertThat(new PidFiles(data).runningLauncher()).as("the pid, given since to another process").isEmpty();
    }

    private Process start(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process);
        return process;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
