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
        new CoordinatorBenchmark().run(members, listings, requests, threads);
        System.exit(0);
    }

    private void run(int memberCount, int listingCount, int requests, int threads) throws Exception {
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
        System.out.printf("%nCPU by process during the measured rounds (ms per round):%n");
        long total = 0;
        for (Map.Entry<String, Long> e : cpuAfter.entrySet()) {
            long used = e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
            total += used;
            System.out.printf("| %s | %.1f |%n", e.getKey(), used / (double) rounds);
        }
        System.out.printf("| all | %.1f |%n", total / (double) rounds);
    }

    /** Which of the benchmark's own requests a log line is: the portal's two pages, or a direct call by its X-Bench label. */
    private static String ownCall(AccessLogs.Entry e) {
        if (e.service().equals("web")) {
            if (e.path().equals("/coordinator")) {
                return QUEUE_PAGE;
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
