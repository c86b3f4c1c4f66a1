package org.reciprocity.platform;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One child process under the launcher's care: started, watched through {@link Process#onExit()},
 * and started again with {@link Backoff back-off} whenever it stops without being asked to. It
 * never gives up: a child that keeps stopping is tried again at the longest wait, and said so.
 */
final class Supervised {

    enum State {
        STARTING, RUNNING, WAITING_TO_RESTART, STOPPED;

        String words() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** What the status view shows of a child. */
    record Status(String name, Long pid, State state, Instant since, int restarts, Integer lastExitCode, String log) {
    }

    /** After this many stops in a row, the launcher says plainly that the child keeps stopping. */
    private static final int KEEPS_STOPPING = 3;

    private final Child child;
    private final Backoff backoff;
    private final Duration startTimeout;
    private final ScheduledExecutorService timer;
    private final PidFiles pids;

    private Process process;
    private State state = State.STOPPED;
    private Instant since = Instant.now();
    private int restarts;
    private int stopsInARow;
    private Integer lastExitCode;
    private boolean stopping;

    Supervised(Child child, Backoff backoff, Duration startTimeout, ScheduledExecutorService timer, PidFiles pids) {
        this.child = child;
        this.backoff = backoff;
        this.startTimeout = startTimeout;
        this.timer = timer;
        this.pids = pids;
    }

    String name() {
        return child.name();
    }

    Child child() {
        return child;
    }

    /** The first start; returns at once, {@link #status()} says when the child is running. */
    synchronized void start() throws IOException {
        launch();
    }

    synchronized Status status() {
        Long pid = state == State.STARTING || state == State.RUNNING ? process.pid() : null;
        return new Status(child.name(), pid, state, since, restarts, lastExitCode, child.logFile().toString());
    }

    /** The running process, if there is one now (the backup pauses it). */
    synchronized Optional<ProcessHandle> process() {
        return process != null && process.isAlive() ? Optional.of(process.toHandle()) : Optional.empty();
    }

    /** From now on a stop is expected: nothing is started again. */
    synchronized void stopping() {
        stopping = true;
    }

    /** Stops the child: its own graceful shutdown first, then by force after {@code grace}. */
    void stop(Duration grace) throws InterruptedException {
        Process current;
        synchronized (this) {
            stopping = true;
            current = process;
        }
        ChildJvm.stop(current, grace);
        synchronized (this) {
            state = State.STOPPED;
            since = Instant.now();
        }
        pids.remove(child.name());
    }

    private void launch() throws IOException {
        Process started = child.launch();
        process = started;
        pids.write(child.name(), started.pid());
        state = State.STARTING;
        since = Instant.now();
        started.onExit().thenAccept(this::exited);
        long deadline = System.nanoTime() + startTimeout.toNanos();
        timer.schedule(() -> checkHealth(started, deadline), 250, TimeUnit.MILLISECONDS);
    }

    /** Polls a starting child until it is healthy; one that never gets there is stopped and tried again. */
    private void checkHealth(Process started, long deadline) {
        if (!isStarting(started)) {
            return;
        }
        boolean healthy = child.isHealthy();
        synchronized (this) {
            if (started != process || state != State.STARTING || stopping) {
                return;
            }
            if (healthy) {
                state = State.RUNNING;
                since = Instant.now();
                if (restarts > 0) {
                    PlatformLog.say(child.name() + " is running again (pid " + started.pid() + ", restart " + restarts + ")");
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                PlatformLog.say(child.name() + " did not become healthy within " + startTimeout.toSeconds()
                        + " s; stopping it to start it again. Its log: " + child.logFile());
                started.destroyForcibly();
                return;
            }
        }
        timer.schedule(() -> checkHealth(started, deadline), 500, TimeUnit.MILLISECONDS);
    }

    private synchronized boolean isStarting(Process started) {
        return started == process && state == State.STARTING && !stopping;
    }

    private synchronized void exited(Process ended) {
        if (ended != process) {
            return;
        }
        lastExitCode = ended.exitValue();
        Instant now = Instant.now();
        if (stopping) {
            state = State.STOPPED;
            since = now;
            return;
        }
        boolean ranHealthy = state == State.RUNNING && backoff.ranLongEnough(Duration.between(since, now));
        stopsInARow = ranHealthy ? 1 : stopsInARow + 1;
        Duration wait = backoff.delay(stopsInARow);
        state = State.WAITING_TO_RESTART;
        since = now;
        String why = child.name() + " stopped unexpectedly (" + exitCode(lastExitCode) + ")";
        if (stopsInARow >= KEEPS_STOPPING) {
            PlatformLog.say(why + ". It keeps stopping (" + stopsInARow + " times in a row); still starting it again, in "
                    + seconds(wait) + " (the wait never grows past " + seconds(backoff.cap()) + "). Its log: " + child.logFile());
        } else {
            PlatformLog.say(why + "; starting it again in " + seconds(wait) + ". Its log: " + child.logFile());
        }
        timer.schedule(this::restart, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restart() {
        if (stopping) {
            return;
        }
        restarts++;
        try {
            launch();
        } catch (IOException e) {
            stopsInARow++;
            Duration wait = backoff.delay(stopsInARow);
            PlatformLog.say("could not start " + child.name() + " (" + e.getMessage() + "); trying again in " + seconds(wait));
            timer.schedule(this::restart, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static String exitCode(int code) {
        // a JVM killed by a signal exits with 128 + the signal's number: 137 is kill -9
        return code > 128 ? "exit code " + code + ", killed by signal " + (code - 128) : "exit code " + code;
    }

    private static String seconds(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : String.format("%.1f s", wait.toMillis() / 1000.0);
    }
}
