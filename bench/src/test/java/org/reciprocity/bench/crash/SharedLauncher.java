package org.reciprocity.bench.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.reciprocity.platform.FreePorts;

/**
 * One local platform for the bench module's ITs in this JVM (the build is short of time: each start of
 * the platform costs a minute or two): the launcher in its own process on three KRaft brokers, with the
 * services the crash and cluster suites load ({@link ClusterSuite#SERVICES}). Each IT uses its own
 * timebank, and the audits read that timebank only. Stopped when the JVM ends.
 */
final class SharedLauncher {

    private static Launcher launcher;
    private static Path dataDir;

    private SharedLauncher() {
    }

    static synchronized Launcher get() throws IOException {
        if (launcher == null) {
            Path project = Path.of(System.getProperty("reciprocity.project.dir", "..")).toAbsolutePath().normalize();
            dataDir = Files.createTempDirectory("reciprocity-bench-it");
            launcher = new Launcher(project, dataDir, FreePorts.block(Launcher.PORTS), 3, ClusterSuite.SERVICES);
            launcher.start();
            Launcher started = launcher;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stop-shared-platform"));
        }
        return launcher;
    }

    static synchronized Path dataDir() {
        return dataDir;
    }
}
