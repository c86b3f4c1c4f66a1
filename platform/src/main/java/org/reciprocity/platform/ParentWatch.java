package org.reciprocity.platform;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The main class of every child JVM the launcher starts: it watches the launcher, then runs the
 * child's real main class. When the launcher is gone (even killed with {@code kill -9}, which no
 * shutdown hook sees), the child stops too, so no broker or service is left holding the ports.
 *
 * <p>Two signs, whichever comes first: the launcher's process exits ({@link ProcessHandle#onExit()}),
 * or the pipe the launcher holds on the child's standard input closes (the kernel closes it the
 * moment the launcher dies, even while it is still a zombie no one has reaped). This class uses the
 * JDK only: it is copied alone onto a service's classpath, beside the service's executable jar.
 */
public final class ParentWatch {

    /** How long the child may take to stop cleanly before it is halted. */
    private static final long GRACE_MILLIS = 5_000;

    private ParentWatch() {
    }

    /** {@code ParentWatch <launcher pid> <real main class> [its arguments...]} */
    public static void main(String[] args) throws Throwable {
        watch(Long.parseLong(args[0]), System.in);
        try {
            Class.forName(args[1]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static void watch(long parentPid, InputStream fromParent) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            stop(parentPid);
            return;
        }
        parent.get().onExit().thenRun(() -> stop(parentPid));
        Thread pipe = new Thread(() -> {
            try {
                while (fromParent.read() >= 0) {
                    // the launcher never writes; reading only waits for the end of the stream
                }
            } catch (IOException closed) {
                // a broken pipe is the same news
            }
            stop(parentPid);
        }, "parent-watch");
        pipe.setDaemon(true);
        pipe.start();
    }

    /** Stops this JVM cleanly (its shutdown hooks run), halting it if that takes too long. */
    private static synchronized void stop(long parentPid) {
        System.err.println("[reciprocity] the launcher (pid " + parentPid + ") has stopped, so this process stops too");
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException ignored) {
                // halt now
            }
            Runtime.getRuntime().halt(1);
        }, "parent-watch-halt");
        halt.setDaemon(true);
        halt.start();
        Thread exit = new Thread(() -> System.exit(1), "parent-watch-exit");
        exit.start();
    }

    /**
     * A folder holding only this class, to put in front of a service's executable jar on its
     * classpath: the service sees nothing else of the launcher.
     */
    static Path classpath(Path dataDir) throws IOException {
        Path root = dataDir.resolve("launcher").resolve("classes");
        Path file = root.resolve(ParentWatch.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        try (InputStream in = ParentWatch.class.getResourceAsStream(ParentWatch.class.getSimpleName() + ".class")) {
            Files.write(file, in.readAllBytes());
        }
        return root;
    }
}
