package org.reciprocity.bench.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the local platform as a one-machine install runs it (the launcher in its own process, which
 * starts the broker and the services), keeps members logging and validating contributions as fast
 * as they are answered, and {@code kill -9}s one process at a time — the launcher, each service, the
 * broker — for a number of cycles. A killed child must come back on its own (the launcher
 * supervises it); a killed launcher is started again, as the operating system's service manager
 * would, and must find no orphan in its way. At the end every acknowledged write is checked
 * against the store and the topics ({@link Audit}), and it prints {@code N passed, M failed}.
 *
 * <p>Arguments: cycles per process (default 10), processes (comma-separated, default
 * {@code launcher,ledger-service,matching-service,notification-service,kafka}), seconds of load
 * before each kill (default 6). Run with {@code scripts/crash-suite.sh}.
 */
public final class CrashSuite {

    /** The processes the suite knows how to find and kill. */
    public static final List<String> ALL_TARGETS = List.of("launcher", "ledger-service", "matching-service",
            "notification-service", "kafka");

    public record Settings(Path projectDir, Path dataDir, int cycles, List<String> targets, Duration loadBeforeKill,
                           int firstPort, Duration recoveryTimeout) {
    }

    /** One check: what it is, whether it held, and the figure behind it. */
    public record Check(String name, boolean passed, String figures) {
    }

    public record Report(List<Check> checks, Map<String, List<Double>> recoverySeconds, Load.Figures load) {

        public long passed() {
            return checks.stream().filter(Check::passed).count();
        }

        public long failed() {
            return checks.size() - passed();
        }
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> targets = args.length > 1 ? Arrays.asList(args[1].split(",")) : ALL_TARGETS;
        int loadSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        Path project = Path.of(System.getProperty("reciprocity.project.dir", ".")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("reciprocity-crash");
        // How long a killed process (and the platform behind it) may take to be healthy again. 240 s is
        // ample on a quiet 2-core machine; a machine shared with other builds may need more, and a wait
        // that is too short fails a cycle that would have recovered.
        Duration recovery = Duration.ofSeconds(Long.getLong("reciprocity.crash.recovery-seconds", 240));
        Report report = run(new Settings(project, data, cycles, targets, Duration.ofSeconds(loadSeconds), 9600,
                recovery));
        print(report);
        System.exit(report.failed() == 0 ? 0 : 1);
    }

    public static Report run(Settings settings) throws Exception {
        try (Launcher launcher = new Launcher(settings.projectDir(), settings.dataDir(), settings.firstPort())) {
            launcher.start();
            return run(launcher, settings);
        }
    }

    /**
     * The suite on a launcher already started (its ports and data folder, not the settings', count); leaves
     * it running. The build's short versions share one platform this way (see {@code SharedLauncher}).
     */
    static Report run(Launcher launcher, Settings settings) throws Exception {
        List<Check> checks = new ArrayList<>();
        Map<String, List<Double>> recovery = new LinkedHashMap<>();
        // the first start of the build's shared platform competes with the browser suite on two cores (seen
        // at four minutes): twice the recovery time, as ClusterSuite waits; a restart after a kill keeps its own
        boolean started = launcher.awaitHealthy(settings.recoveryTimeout().multipliedBy(2));
        checks.add(check("the platform starts", started, ""));
        if (!started) {
            return new Report(checks, recovery, new Load.Figures(0, 0, 0, 0, 0));
        }
        Load load = Load.prepare(launcher, "crash");
        for (String target : settings.targets()) {
            for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
                say("%s: cycle %d of %d", target, cycle, settings.cycles());
                load.startRunning(launcher);
                Thread.sleep(settings.loadBeforeKill().toMillis());
                Optional<Double> seconds = killAndRecover(launcher, target, settings, checks, cycle);
                seconds.ifPresent(s -> recovery.computeIfAbsent(target, t -> new ArrayList<>()).add(s));
                if (seconds.isEmpty()) {
                    // not back on its own: start everything again by hand so the suite can go on (it failed)
                    launcher.killEverything();
                    launcher.start();
                    launcher.awaitHealthy(settings.recoveryTimeout());
                }
                load.refreshTokens(launcher);
                Thread.sleep(1_000); // some load on the recovered platform before the next kill
                load.stopRunning();
            }
        }
        say("load stopped; waiting for the platform to publish what it acknowledged");
        Audit audit = new Audit(launcher, load);
        checks.addAll(audit.run(Duration.ofSeconds(120)));
        return new Report(checks, recovery, load.figures());
    }

    /**
     * Kills {@code target} with SIGKILL while the load runs and waits until every service is healthy
     * again; empty if it did not come back within the timeout without help.
     */
    private static Optional<Double> killAndRecover(Launcher launcher, String target, Settings settings,
                                                   List<Check> checks, int cycle) throws Exception {
        long killedAt = System.nanoTime();
        if (target.equals("launcher")) {
            List<ProcessHandle> children = launcher.kill();
            // the children must go with it: nothing may hold the ports when it is started again
            List<ProcessHandle> orphans = Launcher.survivors(children, Duration.ofSeconds(15));
            checks.add(check("launcher cycle " + cycle + ": no orphan left", orphans.isEmpty(),
                    orphans.isEmpty() ? "" : orphans.size() + " still running: " + orphans.stream()
                            .map(p -> p.pid() + " " + p.info().command().orElse("?")).toList()));
            orphans.forEach(ProcessHandle::destroyForcibly);
            boolean started;
            try {
                launcher.start();
                started = launcher.awaitHealthy(settings.recoveryTimeout());
            } catch (IOException | IllegalStateException e) {
                started = false;
            }
            checks.add(check("launcher cycle " + cycle + ": started again and healthy", started, ""));
            return started ? Optional.of(seconds(killedAt)) : Optional.empty();
        }
        ProcessHandle victim = launcher.child(target)
                .orElseThrow(() -> new IllegalStateException("no running process for " + target));
        victim.destroyForcibly();
        victim.onExit().get();
        // give the launcher time to notice before "healthy" can be believed: the old process answered health
        Thread.sleep(500);
        boolean back = launcher.awaitHealthy(settings.recoveryTimeout())
                && launcher.child(target).map(p -> p.pid() != victim.pid()).orElse(false);
        double took = seconds(killedAt);
        checks.add(check(target + " cycle " + cycle + ": back without a hand restart", back,
                String.format("%.1f s", took)));
        return back ? Optional.of(took) : Optional.empty();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static Check check(String name, boolean passed, String figures) {
        say("%s %s%s", passed ? "PASS" : "FAIL", name, figures.isEmpty() ? "" : " (" + figures + ")");
        return new Check(name, passed, figures);
    }

    public static void print(Report report) {
        System.out.println("-".repeat(78));
        report.checks().stream().filter(c -> !c.passed())
                .forEach(c -> System.out.println("FAILED: " + c.name() + (c.figures().isEmpty() ? "" : " — " + c.figures())));
        report.recoverySeconds().forEach((target, times) -> System.out.printf(
                "recovery after kill -9 of %-22s %d cycles, min / median / max %.1f / %.1f / %.1f s%n", target,
                times.size(), times.stream().mapToDouble(d -> d).min().orElse(0), median(times),
                times.stream().mapToDouble(d -> d).max().orElse(0)));
        System.out.println(report.load());
        System.out.printf("%d passed, %d failed%n", report.passed(), report.failed());
    }

    /** The last lines of a log, to say why something did not start. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(no console: " + e.getMessage() + ")";
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    static void say(String format, Object... args) {
        System.out.printf("[crash-suite] " + format + "%n", args);
    }
}
