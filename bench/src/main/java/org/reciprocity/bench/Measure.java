package org.reciprocity.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** What the benchmarks measure with: CPU time by process and by thread, and percentiles. */
public final class Measure {

    private Measure() {
    }

    /** CPU time a process has used so far, by the operating system's accounting. */
    public static long cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    /** CPU time used so far by this JVM's threads whose name {@code counts}. */
    public static long threadsCpuMillis(Predicate<String> counts) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && counts.test(info.getThreadName())) {
                nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return nanos / 1_000_000;
    }

    /**
     * The whole command line: ProcessHandle.Info leaves it out when it is long (a classpath of a
     * hundred jars), so it is read from /proc where there is one.
     */
    public static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return p.info().commandLine().orElse("?");
        }
    }

    /** The {@code percentile}th of the recorded latencies (nanoseconds; zeros are calls not made), in ms. */
    public static double pct(long[] nanos, int percentile) {
        long[] sorted = Arrays.stream(nanos).filter(v -> v > 0).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** The machine's load average (1, 5, 15 minutes): the machine is shared, and this says how much. */
    public static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** CPU used so far by this JVM (clients, mongo-java-server, the launcher) and by each child process, by name. */
    public static Map<String, Long> cpuByProcess() {
        Map<String, Long> cpu = new TreeMap<>();
        cpu.put("bench JVM (clients, mongo-java-server, launcher)", cpuMillis(ProcessHandle.current()));
        ProcessHandle.current().descendants().forEach(p -> {
            String command = commandLine(p);
            String name = command.contains("-exec.jar") ? command.replaceAll(".*/([a-z-]+)-exec\\.jar.*", "$1")
                    : command.contains("kafka") || command.contains("Kafka") ? "kafka broker" : "other";
            cpu.merge(name, cpuMillis(p), Long::sum);
        });
        return cpu;
    }
}
