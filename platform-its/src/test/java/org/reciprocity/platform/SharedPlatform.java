package org.reciprocity.platform;

import java.nio.file.Files;
import java.time.Duration;

/**
 * One whole platform (as the run command starts it, on free ports and a fresh data folder) for the
 * ITs of this test JVM that neither kill nor reconfigure it: each start costs a minute or more of
 * CPU on two cores. DemoTimebankIT runs on it first ({@code @Order}); LocalPlatformIT then takes it
 * over and stops it itself, as its backup and restore need. A class run alone starts its own.
 */
final class SharedPlatform {

    private static LocalPlatform running;

    private SharedPlatform() {
    }

    /** The shared platform, started at the first call; stopped when the JVM ends unless taken over. */
    static synchronized LocalPlatform get() throws Exception {
        if (running == null) {
            int[] ports = FreePorts.some(10);
            PlatformConfig config = PlatformConfig.fromEnvironment().withPorts(Files.createTempDirectory("reciprocity-platform-it"),
                    ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8], ports[9]);
            LocalPlatform platform = new LocalPlatform(config);
            // stopped (and its processes waited for) however the JVM ends; close() does nothing the second time
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "shared-platform-stop"));
            platform.start(Duration.ofSeconds(420));
            running = platform;
        }
        return running;
    }

    /** The shared platform, now the caller's to stop; the next {@link #get} starts another. */
    static synchronized LocalPlatform takeOver() throws Exception {
        LocalPlatform platform = get();
        running = null;
        return platform;
    }
}
