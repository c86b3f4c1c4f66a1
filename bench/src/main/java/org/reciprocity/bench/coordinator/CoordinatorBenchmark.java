package org.reciprocity.bench.coordinator;

import static org.reciprocity.bench.Measure.cpuByProcess;
import static org.reciprocity.bench.Measure.loadAverage;
import static org.reciprocity.bench.Measure.pct;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.reciprocity.platform.FreePorts;
import org.reciprocity.platform.LocalPlatform;
import org.reciprocity.platform.PlatformConfig;
import org.reciprocity.platform.demo.PortalVisitor;

/**
 * The coordinator's pages on a large timebank (issue 16): a fresh local platform on free ports, a
 * generated timebank ({@link GeneratedTimebank}: by default 10,000 members and 20,000 open listings,
 * written through the services' APIs), a coordinator signed in through the portal for real, then,
 * one request at a time, {@code requests} rounds of: the queue page ({@code /coordinator}), the
 * suggestions page of a listing ({@code /coordinator/listings/{id}/suggestions}, a different open
 * listing each round, needs and offers), and beside them what those pages wait for, called directly:
 * matching's queue and suggestions, and the ledger's coordinator queue. Each is timed at the client
 * and, where the script switched the access logs on, by the server itself (Tomcat's own time for the
 * request); the calls the portal made to the services while serving the pages are listed with their
 * server times too, so a slow page can be pinned on its cause.
 *
 * <p>With {@code -Dreciprocity.bench.data=<folder>} (the script's {@code BENCH_DATA}) the platform keeps its
 * data there, and a later run with the same folder measures the timebank made then instead of making
 * one again: generate once, measure after each change.
 *
 * <pre>scripts/bench-coordinator.sh [members=10000] [listings=20000] [requests=200] [threads=16]</pre>
 */
public final class CoordinatorBenchmark {

    private static final String PASSWORD = "coordinator-bench-password";
    private static final String SAVED = "coordinator-bench.json";
    private static final String QUEUE_PAGE = "page GET /coordinator";
    private static final String SUGGESTIONS_PAGE = "page GET /coordinator/listings/{id}/suggestions";
    /** "See more of these": the queue showing one kind, up to 50 items (the access log keeps the query, {@code %U%q}). */
    private static final String SEE_MORE_PAGE = "page GET /coordinator?kind={kind}";
    private static final List<String> KINDS = List.of("disputes", "waiting", "needs", "proposals", "newcomers", "balances",
            "received-only", "gave-only");
    private static final String MATCHING_QUEUE = "matching GET /coordinator/queue";
    private static final String MATCHING_SUGGESTIONS = "matching GET /listings/{id}/suggestions";
    /** The coordinator's view of a listing (suggestions, who is not suggested and why): issue 16, branch s7-match. */
    private static final String MATCHING_DESK = "matching GET /coordinator/listings/{id}/suggestions";
    private static final String LEDGER_QUEUE = "ledger GET " + System.getProperty("reciprocity.bench.ledger-queue",
            "/coordinator/queue");

    private final Map<String, List<Long>> clientNanos = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Integer>> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> firstRefusal = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int listings = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int coordinators = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        new CoordinatorBenchmark().run(members, listings, requests, threads, coordinators);
        System.exit(0);
    }

    private void run(int memberCount, int listingCount, int requests, int threads, int coordinators) throws Exception {
        String kept = System.getProperty("reciprocity.bench.data", "");
        Path data = kept.isBlank() ? Files.createTempDirectory("reciprocity-coordinator-bench") : Path.of(kept);
        Files.createDirectories(data);
        Path saved = data.resolve(SAVED);
        Saved reused = Files.exists(saved) ? Api.JSON.readValue(saved.toFile(), Saved.class) : null;
        String logDir = System.getProperty("reciprocity.bench.access-logs", "");
        AccessLogs logs = new AccessLogs(logDir.isBlank() ? null : Path.of(logDir));
        // a kept timebank is started again on the ports it was made on (the issuer's address is in its data)
        int[] ports = reused != null ? reused.ports() : FreePorts.some(10);
        PlatformConfig config = PlatformConfig.fromEnvironment().withPorts(data, ports[0], ports[1], ports[2], ports[3],
                ports[4], ports[5], ports[6], ports[7], ports[8], ports[9]);
        System.out.printf("coordinator benchmark: %s, %d requests of each; %d cores; load average %s; data %s%n",
                reused != null ? "the timebank kept in the data folder (" + reused.members() + " members, "
                        + reused.listings().size() + " listings)"
                        : String.format("%,d members, %,d listings, %d callers at once", memberCount, listingCount, threads),
                requests, Runtime.getRuntime().availableProcessors(), loadAverage(), data);
        try (LocalPlatform platform = new LocalPlatform(config)) {
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
            long began = System.nanoTime();
            platform.start(Duration.ofSeconds(600));
            platform.prepareFirstRun();
            System.out.printf("platform started in %.1f s%n", (System.nanoTime() - began) / 1e9);
            String timebank = config.devTimebank();
            String admin = platform.devToken("bench-admin", timebank, List.of("ADMIN", "COORDINATOR"));

            if (reused == null) {
                System.out.printf("generating (load average %s)...%n", loadAverage());
                began = System.nanoTime();
                GeneratedTimebank generated = new GeneratedTimebank(platform, admin, threads);
                generated.generate(memberCount, listingCount);
                System.out.printf("generated in %.1f s (load average %s)%n", (System.nanoTime() - began) / 1e9, loadAverage());
                reused = new Saved(ports, generated.members.size(), generated.listings.stream()
                        .filter(l -> !generated.paused.contains(l.ownerId())).map(GeneratedTimebank.Listing::id).toList(),
                        coordinator(platform, admin), true);
                Api.JSON.writeValue(saved.toFile(), reused);
            } else if (!reused.history()) {
                // a timebank kept from before the history was part of the generation: the history added now
                GeneratedTimebank older = new GeneratedTimebank(platform, admin, threads);
                older.members.addAll(StoreProbe.memberIds(config.mongoUri("ledger"), timebank));
                System.out.printf("adding a history of hours to the kept timebank (%d members)...%n", older.members.size());
                older.history(older.members.size() / 500, 500);
                reused = reused.withHistory();
                Api.JSON.writeValue(saved.toFile(), reused);
            }
            Api.Answer board = Api.get(platform.url("matching-service") + "/api/v1/timebanks/" + timebank + "/listings?limit=1",
                    admin, "count");
            System.out.printf("open listings on matching's board (its own count, GET /listings total): %s; kinds: %s%n",
                    board.body().path("total").asText("?"), board.body().path("facets").path("kind"));
            String coordinator = reused.coordinator();
            PortalVisitor visitor = new PortalVisitor(config.portalUrl());
            visitor.signIn("coordinator@bench.example", PASSWORD);
            String token = platform.devToken(coordinator, timebank, List.of("MEMBER", "COORDINATOR"));
            List<String> open = new ArrayList<>(reused.listings());
            Collections.shuffle(open, new Random(7));
            Calls calls = new Calls(platform.url("matching-service") + "/api/v1/timebanks/" + timebank,
                    platform.url("ledger-service") + "/api/v1/timebanks/" + timebank, token, visitor, open);

            System.out.println("warming up (20 rounds)...");
            for (int i = 0; i < 20; i++) {
                round(calls, requests + i);
            }
            clientNanos.clear();
            statuses.clear();
            firstRefusal.clear();
            Map<Path, Long> mark = logs.mark();
            Map<String, Long> cpuBefore = cpuByProcess();
            String loadBefore = loadAverage();
            began = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                round(calls, i);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            Map<String, Long> cpuAfter = cpuByProcess();
            System.out.printf("measured %d rounds in %.1f s; load average before %s, after %s%n", requests, seconds, loadBefore,
                    loadAverage());
            report(logs.present() ? logs.read(mark) : null, cpuBefore, cpuAfter, requests);
            if (coordinators > 0) {
                concurrently(config.portalUrl(), open, coordinators, Math.max(requests / coordinators, 10), logs);
            }
            System.out.printf("%nthe database reads behind matching's queue, alone over the wire (20 times each):%n");
            StoreProbe.print(StoreProbe.matchingQueueReads(config.mongoUri("matching"), timebank, 20));
            System.out.printf("%nthe database reads behind the ledger's queue, alone over the wire (20 times each):%n");
            StoreProbe.print(StoreProbe.ledgerQueueReads(config.mongoUri("ledger"), timebank, 20));
        }
    }

    /**
     * What a run keeps in its data folder so that the next run with the same folder measures the same
     * timebank without making it again (after a rebuild of the services, say): the ports, the open
     * listings of members not paused, and the coordinator.
     */
    record Saved(int[] ports, int members, List<String> listings, String coordinator, boolean history) {
        Saved withHistory() {
            return new Saved(ports, members, listings, coordinator, true);
        }
    }

    /** The coordinator, as an admin makes one: the ledger's member with the role, an invitation, a known password. */
    private static String coordinator(LocalPlatform platform, String admin) {
        String timebank = platform.config().devTimebank();
        Api.Answer member = Api.post(platform.url("ledger-service") + "/api/v1/timebanks/" + timebank + "/members", admin, "setup",
                Api.object().put("kind", "STAFF").put("displayName", "Casey Coordinator").put("email", "coordinator@bench.example")
                        .put("language", "en").set("roles", Api.JSON.createArrayNode().add("MEMBER").add("COORDINATOR")))
                .require("registering the coordinator");
        String id = member.body().path("id").asText();
        Api.post(platform.config().issuer() + "/api/v1/timebanks/" + timebank + "/invitations", admin, "setup",
                Api.object().put("memberId", id).put("email", "coordinator@bench.example").put("language", "en")
                        .set("roles", Api.JSON.createArrayNode().add("MEMBER").add("COORDINATOR")))
                .require("inviting the coordinator");
        platform.devPassword(id, timebank, PASSWORD);
        return id;
    }

    private record Calls(String matching, String ledger, String token, PortalVisitor visitor, List<String> open) {
        String listing(int i) {
            return open.get(Math.floorMod(i, open.size()));
        }
    }

    /** One round: each page and each API once; the two suggestions calls on different listings. */
    private void round(Calls calls, int i) {
        PortalVisitor.Page queue = calls.visitor().get("/coordinator");
        record(QUEUE_PAGE, queue.status(), queue.nanos(), queue.body());
        PortalVisitor.Page suggestions = calls.visitor().get("/coordinator/listings/" + calls.listing(2 * i) + "/suggestions");
        record(SUGGESTIONS_PAGE, suggestions.status(), suggestions.nanos(), suggestions.body());
        Api.Answer matchingQueue = Api.get(calls.matching() + "/coordinator/queue", calls.token(), "queue");
        record(MATCHING_QUEUE, matchingQueue.status(), matchingQueue.nanos(), matchingQueue.text());
        Api.Answer matchingSuggestions = Api.get(calls.matching() + "/listings/" + calls.listing(2 * i + 1) + "/suggestions",
                calls.token(), "suggestions");
        record(MATCHING_SUGGESTIONS, matchingSuggestions.status(), matchingSuggestions.nanos(), matchingSuggestions.text());
        Api.Answer desk = Api.get(calls.matching() + "/coordinator/listings/" + calls.listing(2 * i) + "/suggestions",
                calls.token(), "desk");
        record(MATCHING_DESK, desk.status(), desk.nanos(), desk.text());
        Api.Answer ledgerQueue = Api.get(calls.ledger() + LEDGER_QUEUE.substring("ledger GET ".length()), calls.token(), "ledger-queue");
        record(LEDGER_QUEUE, ledgerQueue.status(), ledgerQueue.nanos(), ledgerQueue.text());
    }

    private void record(String what, int status, long nanos, String body) {
        statuses.computeIfAbsent(what, w -> new ConcurrentHashMap<>()).merge(status, 1, Integer::sum);
        if (status == 200) {
            clientNanos.computeIfAbsent(what, w -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
        } else {
            firstRefusal.putIfAbsent(what, status + ": " + body.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ")
                    .substring(0, Math.min(200, body.length())));
        }
    }

    private void report(List<AccessLogs.Entry> entries, Map<String, Long> cpuBefore, Map<String, Long> cpuAfter, int rounds) {
        System.out.println();
        System.out.println("| request | answered 200 | other answers | client p50 / p95 / p99 ms | server p50 / p95 / p99 ms |");
        System.out.println("|---|---|---|---|---|");
        Map<String, List<AccessLogs.Entry>> own = new LinkedHashMap<>();
        if (entries != null) {
            for (AccessLogs.Entry e : entries) {
                String what = ownCall(e);
                if (what != null && e.status() == 200) {
                    own.computeIfAbsent(what, w -> new ArrayList<>()).add(e);
                }
            }
        }
        for (String what : List.of(QUEUE_PAGE, SUGGESTIONS_PAGE, MATCHING_QUEUE, MATCHING_SUGGESTIONS, MATCHING_DESK, LEDGER_QUEUE)) {
            long[] client = clientNanos.getOrDefault(what, List.of()).stream().mapToLong(Long::longValue).toArray();
            long[] server = own.getOrDefault(what, List.of()).stream().mapToLong(e -> e.micros() * 1000).toArray();
            Map<Integer, Integer> other = new TreeMap<>(statuses.getOrDefault(what, Map.of()));
            other.remove(200);
            System.out.printf("| %s | %d | %s | %s | %s |%n", what, client.length, other.isEmpty() ? "—" : other,
                    triple(client), entries == null ? "no access log" : triple(server));
        }
        firstRefusal.forEach((what, said) -> System.out.printf("first other answer, %s: %s%n", what, said));
        if (entries != null) {
            portalCalls(entries, rounds);
        }
        cpu(cpuBefore, cpuAfter, rounds);
    }

    /** The calls the portal made to the services while serving the pages, by endpoint, with their server times. */
    private static void portalCalls(List<AccessLogs.Entry> entries, int rounds) {
        System.out.printf("%nwhat the portal called while serving the pages (server time; per page = calls / %d rounds):%n",
                rounds);
        System.out.println("| service | endpoint | calls | per round | p50 / p95 / p99 ms |");
        System.out.println("|---|---|---|---|---|");
        Map<String, List<AccessLogs.Entry>> portalCalls = entries.stream()
                .filter(e -> !e.service().equals("web") && e.label().equals("-"))
                .collect(Collectors.groupingBy(e -> e.service() + " | " + e.endpoint() + (e.status() == 200 ? "" : " → " + e.status()),
                        TreeMap::new, Collectors.toList()));
        portalCalls.forEach((endpoint, list) -> System.out.printf("| %s | %d | %.1f | %s |%n", endpoint, list.size(),
                list.size() / (double) rounds, triple(list.stream().mapToLong(e -> e.micros() * 1000).toArray())));
    }

    private static void cpu(Map<String, Long> cpuBefore, Map<String, Long> cpuAfter, int rounds) {
        System.out.printf("%nCPU by process during the measured rounds (ms per round):%n");
        long total = 0;
        for (Map.Entry<String, Long> e : cpuAfter.entrySet()) {
            long used = e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
            total += used;
            System.out.printf("| %s | %.1f |%n", e.getKey(), used / (double) rounds);
        }
        System.out.printf("| all | %.1f |%n", total / (double) rounds);
    }

    /**
     * Several coordinators at their desks at once, each signed in with a session of their own: each
     * round, the queue's overview, one kind's "see more" (the kinds in turn) and the suggestions page
     * of a random open listing, one after the other, without pause (the heaviest use a few people
     * can make). Page times at the client and the portal's own, per page, and the pages served a second.
     */
    private void concurrently(String portalUrl, List<String> open, int coordinators, int rounds, AccessLogs logs)
            throws Exception {
        System.out.printf("%n%d coordinators at once, %d rounds each (overview, see more, suggestions), signing in...%n",
                coordinators, rounds);
        List<PortalVisitor> desks = new ArrayList<>();
        for (int c = 0; c < coordinators; c++) {
            PortalVisitor desk = new PortalVisitor(portalUrl);
            desk.signIn("coordinator@bench.example", PASSWORD);
            desks.add(desk);
        }
        Map<String, List<Long>> times = new ConcurrentHashMap<>();
        Map<String, Map<Integer, Integer>> answers = new ConcurrentHashMap<>();
        java.util.function.BiConsumer<String, PortalVisitor.Page> note = (what, page) -> {
            answers.computeIfAbsent(what, w -> new ConcurrentHashMap<>()).merge(page.status(), 1, Integer::sum);
            if (page.status() == 200) {
                times.computeIfAbsent(what, w -> Collections.synchronizedList(new ArrayList<>())).add(page.nanos());
            }
        };
        java.util.function.BiConsumer<Integer, Integer> deskRound = (c, i) -> {
            Random r = new Random(1000L * c + i);
            PortalVisitor desk = desks.get(c);
            note.accept(QUEUE_PAGE, desk.get("/coordinator"));
            note.accept(SEE_MORE_PAGE, desk.get("/coordinator?kind=" + KINDS.get(Math.floorMod(c + i, KINDS.size()))));
            note.accept(SUGGESTIONS_PAGE, desk.get("/coordinator/listings/" + open.get(r.nextInt(open.size())) + "/suggestions"));
        };
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(coordinators);
        try {
            runDesks(pool, coordinators, 3, (c, i) -> deskRound.accept(c, -1 - i)); // warm-up, not counted
            times.clear();
            answers.clear();
            Map<Path, Long> mark = logs.mark();
            Map<String, Long> cpuBefore = cpuByProcess();
            String loadBefore = loadAverage();
            long began = System.nanoTime();
            runDesks(pool, coordinators, rounds, deskRound::accept);
            double seconds = (System.nanoTime() - began) / 1e9;
            Map<String, Long> cpuAfter = cpuByProcess();
            int pages = answers.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
            System.out.printf("%d coordinators at once: %d pages in %.1f s = %.1f pages/s (%.1f rounds/s); load average before %s,"
                    + " after %s%n", coordinators, pages, seconds, pages / seconds, coordinators * rounds / seconds, loadBefore,
                    loadAverage());
            List<AccessLogs.Entry> entries = logs.present() ? logs.read(mark) : null;
            System.out.println("| page (several coordinators at once) | answered 200 | other answers | pages/s | client p50 / p95 / p99 ms"
                    + " | server p50 / p95 / p99 ms |");
            System.out.println("|---|---|---|---|---|---|");
            for (String what : List.of(QUEUE_PAGE, SEE_MORE_PAGE, SUGGESTIONS_PAGE)) {
                long[] client = times.getOrDefault(what, List.of()).stream().mapToLong(Long::longValue).toArray();
                long[] server = entries == null ? new long[0] : entries.stream()
                        .filter(e -> what.equals(ownCall(e)) && e.status() == 200).mapToLong(e -> e.micros() * 1000).toArray();
                Map<Integer, Integer> other = new TreeMap<>(answers.getOrDefault(what, Map.of()));
                other.remove(200);
                System.out.printf("| %s | %d | %s | %.1f | %s | %s |%n", what, client.length, other.isEmpty() ? "—" : other,
                        client.length / seconds, triple(client), entries == null ? "no access log" : triple(server));
            }
            if (entries != null) {
                portalCalls(entries, coordinators * rounds);
            }
            cpu(cpuBefore, cpuAfter, coordinators * rounds);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runDesks(java.util.concurrent.ExecutorService pool, int desks, int rounds,
                                 java.util.function.BiConsumer<Integer, Integer> round) throws Exception {
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int c = 0; c < desks; c++) {
            int desk = c;
            running.add(pool.submit(() -> {
                for (int i = 0; i < rounds; i++) {
                    round.accept(desk, i);
                }
            }));
        }
        for (java.util.concurrent.Future<?> f : running) {
            f.get();
        }
    }

    /** Which of the benchmark's own requests a log line is: the portal's two pages, or a direct call by its X-Bench label. */
    private static String ownCall(AccessLogs.Entry e) {
        if (e.service().equals("web")) {
            if (e.path().equals("/coordinator")) {
                return QUEUE_PAGE;
            }
            if (e.path().startsWith("/coordinator?kind=")) {
                return SEE_MORE_PAGE;
            }
            return e.path().matches("/coordinator/listings/[^/]+/suggestions") ? SUGGESTIONS_PAGE : null;
        }
        return switch (e.label()) {
            case "queue" -> MATCHING_QUEUE;
            case "suggestions" -> MATCHING_SUGGESTIONS;
            case "desk" -> MATCHING_DESK;
            case "ledger-queue" -> LEDGER_QUEUE;
            default -> null;
        };
    }

    private static String triple(long[] nanos) {
        return nanos.length == 0 ? "—" : String.format("%.1f / %.1f / %.1f", pct(nanos, 50), pct(nanos, 95), pct(nanos, 99));
    }
}
