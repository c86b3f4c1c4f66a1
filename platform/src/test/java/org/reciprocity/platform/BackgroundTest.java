package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundTest {

    @TempDir
    Path data;

    @Test
    void theLauncherIsStartedSmallMarkedForItsDataFolderAndToldNobodyIsAtItsTerminal() {
        PlatformConfig config = PlatformConfig.fromEnvironment().withPorts(data, 1, 2, 3, 4, 5, 6, 7, 8);

        List<String> command = Background.command(config);

        assertThat(command).contains(PidFiles.marker(data), "-D" + LocalPlatform.DETACHED + "=true", "-XX:+UseSerialGC",
                "-Xmx" + JvmOptions.HEAPS.get("launcher"));
        assertThat(command.get(command.size() - 1)).isEqualTo(LocalPlatform.class.getName());
    }

    @Test
    void itHandsOverOnceTheBannerIsComplete() throws Exception {
        Path console = data.resolve("console.log");
        String rule = "-".repeat(78);
        Files.writeString(console, String.join("\n", "[reciprocity] kafka is UP", rule, " " + LocalPlatform.BANNER_TITLE,
                " Open the portal: http://localhost:8080", rule, ""));
        Process running = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(Background.echoUntilBanner(console, running)).isTrue();
        } finally {
            running.destroy();
        }
    }

    @Test
    void aStartWhoseMavenHasGoneIsGivenUp() throws Exception {
        Path console = data.resolve("console.log");
        Files.writeString(console, "[reciprocity] kafka is UP\n");
        Process running = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(Background.echoUntilBanner(console, running, () -> false)).isFalse();
        } finally {
            running.destroy();
        }
    }

    @Test
    void aLauncherThatStopsBeforeItsBannerFailsTheStart() throws Exception {
        Path console = data.resolve("console.log");
        Files.writeString(console, "[reciprocity] could not start: port 8080 is already in use\n");
        Process stopped = new ProcessBuilder("true").start();
        stopped.waitFor();

        assertThat(Background.echoUntilBanner(console, stopped)).isFalse();
    }
}
