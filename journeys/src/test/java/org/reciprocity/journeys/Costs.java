package org.reciprocity.journeys;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the browser suite's looks cost, per screenshot folder (one test, or one person's browser): how many
 * pages were looked at, how many axe runs and screenshots that made, and the milliseconds spent in each. Printed
 * once when the test JVM ends, into {@code target/journeys-costs.txt}, so a slow class can be
 * read without a profiler (docs/benchmarks.md, "Build time (session 12)").
 */
final class Costs {

    private static final Map<String, long[]> BY_FOLDER = new TreeMap<>();
    private static final AtomicLong STARTED = new AtomicLong();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Costs::print, "journeys-costs"));
    }

    private Costs() {
    }

    /** looks, axe runs, axe ms, axe runs skipped as already checked, shots, shot ms */
    static synchronized void add(String folder, boolean axeRun, long axeNanos, boolean axeSkipped, int shots, long shotNanos) {
        STARTED.compareAndSet(0, System.nanoTime());
        long[] c = BY_FOLDER.computeIfAbsent(folder, f -> new long[6]);
        c[0]++;
        c[1] += axeRun ? 1 : 0;
        c[2] += axeNanos / 1_000_000;
        c[3] += axeSkipped ? 1 : 0;
        c[4] += shots;
        c[5] += shotNanos / 1_000_000;
    }

    /** Into {@code target/journeys-costs.txt}: the forked JVM's output is no longer read once its tests are done. */
    static synchronized void print() {
        long[] total = new long[6];
        StringBuilder out = new StringBuilder();
        BY_FOLDER.forEach((folder, c) -> {
            out.append(line(folder, c));
            for (int i = 0; i < 6; i++) {
                total[i] += c[i];
            }
        });
        out.append(line("TOTAL", total));
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "journeys-costs.txt"), out);
        } catch (java.io.IOException e) {
            System.err.print(out);
        }
    }

    private static String line(String folder, long[] c) {
        return String.format("%-45s looks %4d  axe %4d runs %7d ms (%d skipped)  shots %4d %7d ms%n",
                folder, c[0], c[1], c[2], c[3], c[4], c[5]);
    }
}
