package org.reciprocity.platform;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * What {@code ./mvnw -Prun} runs: starts the launcher ({@link LocalPlatform}) as a process of its
 * own, in a session of its own, shows its console until the platform is healthy and its banner is
 * printed, then returns — so Maven, which would otherwise stay alive as the launcher's parent
 * holding 2 GB, exits. The launcher goes on supervising its children; {@code scripts/stop.sh}
 * stops it. Its console goes on in {@code data/logs/console.log}.
 *
 * <p>A platform already running on the data folder is not started twice: this says so and where
 * it is. Ctrl-C (or the end of Maven) while it starts stops the launcher it started: a start that
 * was given up leaves nothing behind.
 */
public final class Background {

    static final String CONSOLE = "console.log";

    private Background() {
    }

    public static void main(String[] args) throws Exception {
        PlatformConfig config = PlatformConfig.fromEnvironment();
        Optional<Long> running = new PidFiles(config.dataDir()).runningLauncher();
        if (running.isPresent()) {
            say("Reciprocity is already running on " + config.dataDir() + " (launcher pid " + running.get() + "): not starting it twice.");
            say("The portal: " + config.portalUrl() + "   what runs: " + config.devPagesUrl() + "/dev/status");
            say("To stop it: scripts/stop.sh");
            return;
        }
        Path console = Files.createDirectories(config.dataDir().resolve("logs")).resolve(CONSOLE);
        Files.writeString(console, "");
        ProcessBuilder builder = new ProcessBuilder(command(config)).directory(config.projectDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                .redirectErrorStream(true);
        builder.environment().putAll(JvmOptions.environment());
        Process launcher = builder.start();
        AtomicBoolean handedOver = new AtomicBoolean();
        Thread giveUp = new Thread(() -> {
            if (!handedOver.get() && launcher.isAlive()) {
                say("the start was interrupted: stopping the launcher it began (pid " + launcher.pid() + ")");
                stop(launcher);
            }
        }, "give-up-start");
        Runtime.getRuntime().addShutdownHook(giveUp);
        // Maven stopped on its own (a SIGTERM to it alone reaches no child of it): give the start up too
        Optional<ProcessHandle> maven = ProcessHandle.current().parent();
        boolean up = echoUntilBanner(console, launcher, () -> maven.map(ProcessHandle::isAlive).orElse(true));
        handedOver.set(up);
        if (!up) {
            if (launcher.isAlive()) {
                say("Maven stopped before the platform was up");
            } else {
                say("the launcher stopped while starting; its console: " + config.projectDir().relativize(console));
            }
            System.exit(1);
        }
        say("Reciprocity runs in the background (launcher pid " + launcher.pid() + "); its console goes on in "
                + config.projectDir().relativize(console) + ". Stop it with: scripts/stop.sh");
    }

    /**
     * The launcher's command: the JVM running this, the launcher's options, the same classpath, and
     * the settings given to this JVM as system properties. {@code setsid} (where there is one) puts it in
     * a session of its own, so nothing sent to Maven's terminal or process group reaches it.
     */
    static List<String> command(PlatformConfig config) {
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // how scripts/stop.sh and scripts/measure-memory.sh know this launcher for this data folder
        command.add(PidFiles.marker(config.dataDir()));
        command.addAll(JvmOptions.of("launcher"));
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("reciprocity.")).sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.add("-D" + LocalPlatform.DETACHED + "=true");
        command.add("-Dlog4j2.configurationFile=classpath:kafka-log4j2.xml");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalPlatform.class.getName()));
        return command;
    }

    private static Optional<String> setsid() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "setsid");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** Prints the console as it grows; true once the banner is complete, false if the launcher stopped first. */
    static boolean echoUntilBanner(Path console, Process launcher) throws IOException, InterruptedException {
        return echoUntilBanner(console, launcher, () -> true);
    }

    /** As above; also false once {@code starterAlive} says whoever waits for the start has gone. */
    static boolean echoUntilBanner(Path console, Process launcher, BooleanSupplier starterAlive)
            throws IOException, InterruptedException {
        String rule = "-".repeat(78);
        boolean inBanner = false;
        try (RandomAccessFile file = new RandomAccessFile(console.toFile(), "r")) {
            StringBuilder line = new StringBuilder();
            byte[] buffer = new byte[8192];
            while (true) {
                int read = file.read(buffer);
                if (read < 0) {
                    if (!launcher.isAlive() || !starterAlive.getAsBoolean()) {
                        System.out.print(line);
                        return false;
                    }
                    Thread.sleep(200);
                    continue;
                }
                for (int i = 0; i < read; i++) {
                    line.append((char) (buffer[i] & 0xff));
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    String text = new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                    System.out.print(text);
                    line.setLength(0);
                    String bare = text.strip();
                    if (bare.equals(rule) && inBanner) {
                        System.out.flush();
                        return true;
                    }
                    inBanner |= bare.equals(LocalPlatform.BANNER_TITLE);
                }
            }
        }
    }

    /** SIGTERM (the launcher stops its children), then SIGKILL if it takes too long (they then stop on their own). */
    private static void stop(Process launcher) {
        launcher.destroy();
        try {
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            launcher.destroyForcibly();
        }
    }

    private static void say(String message) {
        System.out.println("[reciprocity] " + message);
    }
}
