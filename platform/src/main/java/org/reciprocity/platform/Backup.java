package org.reciprocity.platform;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A consistent copy of the embedded store and the broker's data, taken while the platform runs.
 *
 * <p>Why this order makes one moment: the services are paused first ({@code SIGSTOP}: their
 * requests wait, none fails), so nothing writes to the store or the broker. The store is then
 * closed, which writes everything it holds to its files, copied while closed, and opened again. The
 * broker's folders are copied last, still with no service running: every event in the copy belongs
 * to a write in the copied store (the services publish a write's events only after the store has
 * it), and an event not yet published is still in the copied store's outbox, published after a
 * restore. The broker copies its segments while it runs; on the restored copy's first start it
 * checks them and drops a half-written last batch, as after a power cut. The services resume; the
 * pause lasts about a second on a small install.
 */
final class Backup {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** What a backup took: where it is, how long the services waited, how many bytes. */
    record Taken(Path dir, Duration paused, long bytes) {
    }

    /** The store as the backup needs it: closed to copy its files, then opened again. */
    interface Store {
        Path dir();

        void close();

        void reopen() throws IOException;
    }

    private Backup() {
    }

    /** A new folder for a backup, named by the time: {@code data/backups/20261130-201500}. */
    static Path defaultTarget(Path dataDir) {
        return dataDir.resolve("backups").resolve(NAME.format(Instant.now()));
    }

    static Taken take(Path target, List<ProcessHandle> writers, Store store, Path brokerLogs)
            throws IOException, InterruptedException {
        if (Files.exists(target) && !isEmptyDirectory(target)) {
            throw new IllegalArgumentException(target + " already exists and is not empty; choose a new folder");
        }
        long began = System.nanoTime();
        signal("STOP", writers);
        long bytes;
        try {
            // a request a service sent just before its pause still reaches the store
            Thread.sleep(200);
            store.close();
            try {
                bytes = copy(store.dir(), target.resolve("mongo"));
            } finally {
                store.reopen();
            }
            bytes += copy(brokerLogs, target.resolve("kafka").resolve("logs"));
        } finally {
            signal("CONT", writers);
        }
        Duration paused = Duration.ofNanos(System.nanoTime() - began);
        Files.writeString(target.resolve("backup.txt"), String.join("\n",
                "Reciprocity backup, taken " + Instant.now() + " (the services paused for " + paused.toMillis() + " ms)",
                "mongo/       the embedded store (mongo-java-server), copied while closed",
                "kafka/logs/  the broker's topics, offsets and metadata",
                "Restore it into a fresh data folder with: scripts/restore.sh " + target, ""));
        return new Taken(target, paused, bytes);
    }

    /** The JDK cannot pause a process; {@code kill -STOP} / {@code -CONT} can, on Linux and macOS. */
    private static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        for (ProcessHandle process : processes) {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                PlatformLog.say("could not send " + signal + " to pid " + process.pid() + " during the backup");
            }
        }
    }

    /**
     * Copies a folder tree, leaving behind what the broker makes again by itself: its {@code .lock}
     * (it belongs to the running broker) and its offset and time indexes. The broker preallocates
     * each index at 10 MB, mostly holes in the file, which a copy would fill with zeros (gigabytes
     * for a few topics); on the restored copy's first start it rebuilds a missing index from its
     * segment.
     */
    static long copy(Path from, Path to) throws IOException {
        long[] bytes = {0};
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!leftBehind(file.getFileName().toString())) {
                    try {
                        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                        bytes[0] += attrs.size();
                    } catch (NoSuchFileException removed) {
                        // the broker deleted an old segment or index meanwhile: it would not be restored either
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return bytes[0];
    }

    private static boolean leftBehind(String name) {
        return name.equals(".lock") || name.endsWith(".index") || name.endsWith(".timeindex");
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return Files.isDirectory(dir) && entries.findAny().isEmpty();
        }
    }
}
