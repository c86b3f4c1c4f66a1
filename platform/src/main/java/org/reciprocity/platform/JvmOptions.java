package org.reciprocity.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The JVM options of each process the launcher starts, and of the launcher itself. A small charity
 * runs the whole platform on a 2 GB machine, so the defaults keep every JVM small: the serial
 * collector (no collector threads, the smallest bookkeeping, and it gives unused heap back), the
 * client compiler only (the optimising one needs tens of MB per JVM to compile; these services are
 * I/O-bound), a small code cache and thread stacks, and glibc's memory arenas capped at two. Each
 * heap is sized to what that process holds under load, with room to spare (measured in
 * docs/benchmarks.md, "Memory of the local platform").
 *
 * <p>Settings, as every other of the platform's (system property, else environment variable):
 * {@code reciprocity.jvm.options} / {@code RECIPROCITY_JVM_OPTIONS} replaces the options common to
 * every JVM; {@code reciprocity.jvm.extra.options} / {@code RECIPROCITY_JVM_EXTRA_OPTIONS} adds to them (the
 * build's integration tests add the test JVMs' own start-up savings there, so that every JVM their platforms
 * start gets them too: see {@code test.jvm.options} in the root pom); {@code reciprocity.<name>.heap} / {@code RECIPROCITY_<NAME>_HEAP} (e.g.
 * {@code RECIPROCITY_LEDGER_HEAP=384m}) one process's largest heap; {@code RECIPROCITY_MALLOC_ARENA_MAX}
 * glibc's arenas.
 */
final class JvmOptions {

    /** Every JVM of the platform, unless {@code reciprocity.jvm.options} says otherwise. */
    static final String COMMON = "-XX:+UseSerialGC -Xms32m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m -Xss512k"
            + " -XX:MaxMetaspaceSize=256m -XX:+ExitOnOutOfMemoryError";

    /** Each process's largest heap, by the short name of its setting. */
    static final Map<String, String> HEAPS = Map.of(
            "launcher", "192m",
            "kafka", "192m",
            "identity", "160m",
            "ledger", "256m",
            "matching", "224m",
            "notification", "224m",
            // review-service holds a period's ledger entries while it answers a page: not measured yet
            "review", "192m",
            "web", "192m");

    /** glibc gives each thread that allocates its own 64 MB arena, up to 8 a core; two are plenty here. */
    static final String MALLOC_ARENAS = "2";

    private JvmOptions() {
    }

    /** The options of the process whose setting is named {@code name} ({@code ledger}, {@code kafka}, ...). */
    static List<String> of(String name) {
        String heap = HEAPS.get(name);
        if (heap == null) {
            throw new IllegalArgumentException("no process named " + name);
        }
        List<String> options = new ArrayList<>(common());
        options.add("-Xmx" + PlatformConfig.setting("reciprocity." + name + ".heap", heap));
        return List.copyOf(options);
    }

    /** The setting's short name of a child: {@code ledger} for {@code ledger-service}. */
    static String nameOf(String child) {
        return child.replaceFirst("-service$", "");
    }

    static List<String> common() {
        List<String> common = new ArrayList<>(split(PlatformConfig.setting("reciprocity.jvm.options", COMMON)));
        common.addAll(split(PlatformConfig.setting("reciprocity.jvm.extra.options", "")));
        return List.copyOf(common);
    }

    private static List<String> split(String options) {
        String trimmed = options.trim();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }

    /** What every JVM of the platform gets in its environment. */
    static Map<String, String> environment() {
        return Map.of("MALLOC_ARENA_MAX", PlatformConfig.setting("reciprocity.malloc.arena.max", MALLOC_ARENAS));
    }
}
