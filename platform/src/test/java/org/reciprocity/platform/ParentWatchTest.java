package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A child JVM stops when its launcher is gone, whichever sign comes first: the launcher's exit, or the closed pipe. */
class ParentWatchTest {

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aChildStopsWhenTheProcessItWatchesIsKilled() throws Exception {
        Process launcher = start(List.of("sleep", "600"));
        Process child = start(watched(launcher.pid()));
        assertThat(child.waitFor(2, TimeUnit.SECONDS)).as("the child runs while its launcher lives").isFalse();

        launcher.destroyForcibly();

        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child stopped within 10 s").isTrue();
    }

    @Test
    void aChildStopsWhenItsLaunchersPipeCloses() throws Exception {
        Process child = start(watched(ProcessHandle.current().pid()));
        assertThat(child.waitFor(2, TimeUnit.SECONDS)).isFalse();

        // what the kernel does to the pipe when a launcher dies, even one no one has reaped yet
        child.getOutputStream().close();

        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child stopped within 10 s").isTrue();
    }

    @Test
    void aChildWhoseLauncherIsAlreadyGoneStopsAtOnce() throws Exception {
        Process gone = start(List.of("true"));
        gone.waitFor();

        Process child = start(watched(gone.pid()));

        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static List<String> watched(long launcherPid) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ParentWatch.class.getName(), Long.toString(launcherPid),
                FakeChild.class.getName());
    }

    private Process start(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process);
        return process;
    }
}
