package org.reciprocity.platform;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code data/pids/<name>.pid}: which processes this launcher started. A launcher killed before
 * it could stop its children leaves these behind; the next one reads them and stops whatever of
 * that run is still alive, before it needs the ports.
 */
final class PidFiles {

    static final String LAUNCHER = "launcher";

    private final Path dir;
    private final String marker;

    PidFiles(Path dataDir) {
        this.dir = dataDir.resolve("pids");
        this.marker = marker(dataDir);
    }

    /**
     * On the command line of every child of a launcher using this data folder: how a later launcher
     * knows a process is one of ours, not another program that was given the same pid since.
     */
    static String marker(Path dataDir) {
        return "-Dreciprocity.launcher.data=" + dataDir.toAbsolutePath().normalize();
    }

    void write(String name, long pid) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".pid"), pid + "\n");
    }

    void remove(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name + ".pid"));
        } catch (IOException ignored) {
            // a stale file is checked before it is acted on
        }
    }

    /** Records this JVM as the launcher of the data folder, with its start time to know it again. */
    void writeLauncher() throws IOException {
        ProcessHandle self = ProcessHandle.current();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(LAUNCHER + ".pid"), self.pid() + "\n" + startTime(self) + "\n");
    }

    /**
     * The pid of a launcher still running on this data folder, other than this one: the same pid,
     * started at the same moment (its command line may be too long to read).
     */
    Optional<Long> runningLauncher() throws IOException {
        Path file = dir.resolve(LAUNCHER + ".pid");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.size() < 2) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> !"unknown".equals(lines.get(1).trim()) && startTime(p).equals(lines.get(1).trim()))
                .map(ProcessHandle::pid);
    }

    private static String startTime(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString).orElse("unknown");
    }

    /** Stops every process an earlier run started and left alive; says which. */
    List<String> stopLeftovers() throws IOException, InterruptedException {
        List<String> stopped = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return stopped;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pid")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                if (name.equals(LAUNCHER)) {
                    continue;
                }
                Optional<ProcessHandle> left = read(name).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                        .filter(this::isOurs);
                if (left.isPresent()) {
                    stop(left.get());
                    stopped.add(name + " (pid " + left.get().pid() + ")");
                }
                Files.deleteIfExists(file);
            }
        }
        return stopped;
    }

    private static void stop(ProcessHandle process) throws InterruptedException {
        process.destroy();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception notYet) {
            process.destroyForcibly();
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the port check that follows says if it is still in the way
            }
        }
    }

    private Optional<Long> read(String name) throws IOException {
        Path file = dir.resolve(name + ".pid");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Started by a launcher on this data folder: the marker is one of its arguments, exactly. Linux
     * shows only the first 4 KiB of a long command line (a child's classpath is longer), so the
     * marker comes first, right after {@code java}.
     */
    private boolean isOurs(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        if (info.arguments().isPresent()) {
            return java.util.Arrays.asList(info.arguments().get()).contains(marker);
        }
        return info.commandLine().map(line -> line.contains(" " + marker + " ")).orElse(false);
    }

}
