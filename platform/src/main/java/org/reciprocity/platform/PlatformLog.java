package org.reciprocity.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the launcher says: on the console for the person who started it, and with the time in
 * {@code data/logs/platform.log}, so a restart at night can still be read about in the morning.
 */
final class PlatformLog {

    private static volatile Path file;

    private PlatformLog() {
    }

    /** From now on, lines also go to {@code logs/platform.log} under this data folder. */
    static void writeTo(Path dataDir) throws IOException {
        file = Files.createDirectories(dataDir.resolve("logs")).resolve("platform.log");
    }

    static synchronized void say(String message) {
        System.out.println("[reciprocity] " + message);
        Path target = file;
        if (target != null) {
            try {
                Files.writeString(target, Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + message + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.out.println("[reciprocity] (could not write to " + target + ": " + e.getMessage() + ")");
            }
        }
    }
}
