package org.reciprocity.bench.portal;

import static org.reciprocity.bench.Measure.cpuByProcess;
import static org.reciprocity.bench.Measure.loadAverage;
import static org.reciprocity.bench.Measure.pct;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.reciprocity.platform.FreePorts;
import org.reciprocity.platform.LocalPlatform;
import org.reciprocity.platform.PlatformConfig;
import org.reciprocity.platform.demo.DemoTimebank;
import org.reciprocity.platform.demo.PortalVisitor;
import org.reciprocity.platform.demo.PortalVisitor.Page;

/**
 * The portal under its members (issue 15): a fresh local platform on free ports (the demo timebank
 * loaded), {@code members} members invited and given a password, each signed in through the portal
 * for real (identity-service's form, the OAuth2 redirects, a cookie jar of its own), then all of them
 * at once, for {@code seconds}, going round: home, statement, board, the log-hours form, posting a log
 * of 15 minutes (given to or received from the next member, in turn, so no balance drifts to a
 * limit), the page saying it is logged, and the contribution's page. Each page's time is the time
 * to its full answer, measured here (the portal sends no Server-Timing). Then p50/p95/p99 by page
 * and overall, errors, CPU by process per page, and what identity-service's per-page check costs
 * measured on its own beside the load.
 *
 * <pre>scripts/bench-portal.sh [members=50] [seconds=120] [think-millis=0]</pre>
 */
public final class PortalBenchmark {

    private static final Pattern REQUEST_ID = Pattern.compile("name=\"requestId\"\\s+value=\"([^\"]+)\"");
    private static final Pattern ERROR_SUMMARY = Pattern.compile("(?s)class=\"govuk-error-summary\"(.*?)</ul>");
    private static final Pattern LOGGED_ID = Pattern.compile("[?&]id=([^&]+)");
    private static final List<String> PAGES = List.of("home", "statement", "board", "hours form", "hours post",
            "hours logged", "contribution");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Samples> samples = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, String> firstErrors = new ConcurrentHashMap<>();
    private volatile boolean recording;

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        long thinkMillis = args.length > 2 ? Long.parseLong(args[2]) : 0;
        new PortalBenchmark().run(members, seconds, thinkMillis);
        System.exit(0);
    }

    private void run(int memberCount, int seconds, long thinkMillis) throws Exception {
        Path data = Files.createTempDirectory("reciprocity-portal-bench");
        int[] ports = FreePorts.some(10);
        PlatformConfig config = PlatformConfig.fromEnvironment().withPorts(data, ports[0], ports[1], ports[2], ports[3],
                ports[4], ports[5], ports[6], ports[7], ports[8], ports[9]);
        System.out.printf("portal benchmark: %d members, %d s, think %d ms; %d cores; data %s%n", memberCount, seconds,
                thinkMillis, Runtime.getRuntime().availableProcessors(), data);
        try (LocalPlatform platform = new LocalPlatform(config)) {
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
            platform.start(Duration.ofSeconds(420));
            platform.prepareFirstRun();
            DemoTimebank.Loaded demo = platform.loadDemo().orElseThrow(() -> new IllegalStateException("no demo timebank"));
            System.out.printf("demo timebank loaded in %.1f s%n", demo.took().toMillis() / 1000.0);

            List<String> ids = register(platform, memberCount);
            List<PortalVisitor> visitors = signIn(config, memberCount);

            System.out.println("warming up (20 s)...");
            load(visitors, ids, 20, thinkMillis, platform, config);
            samples.clear();
            errors.clear();
            firstErrors.clear();
            Map<String, Long> cpuBefore = cpuByProcess();
            System.out.printf("measuring (%d s); load average before: %s%n", seconds, loadAverage());
            Probe probe = load(visitors, ids, seconds, thinkMillis, platform, config);
            Map<String, Long> cpuAfter = cpuByProcess();
            System.out.printf("load average after: %s%n", loadAverage());
            report(seconds, cpuBefore, cpuAfter, probe);
        }
    }

    /** The bench's members, as the portal's invite page makes them: ledger, identity invitation, then the known password. */
    private static List<String> register(LocalPlatform platform, int count) {
        String timebank = platform.config().devTimebank();
        String admin = platform.devToken("bench-admin", timebank, List.of("ADMIN", "COORDINATOR"));
        String ledger = platform.url("ledger-service") + "/api/v1/timebanks/" + timebank;
        String identity = platform.config().issuer() + "/api/v1/timebanks/" + timebank;
        List<String> ids = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String name = "Bench Member " + (i + 1);
            String email = "bench" + (i + 1) + "@bench.example";
            String id = post(ledger + "/members", admin, "{\"kind\":\"NEIGHBOUR\",\"displayName\":\"" + name + "\",\"email\":\""
                    + email + "\",\"language\":\"en\"}").path("id").asText();
            post(identity + "/invitations", admin, "{\"memberId\":\"" + id + "\",\"email\":\"" + email
                    + "\",\"language\":\"en\",\"roles\":[\"MEMBER\"]}");
            platform.devPassword(id, timebank, DemoTimebank.PASSWORD);
            ids.add(id);
        }
        System.out.printf("%d members registered, invited and given a password in %.1f s%n", count,
                (System.nanoTime() - began) / 1e9);
        return ids;
    }

    private static List<PortalVisitor> signIn(PlatformConfig config, int count) throws Exception {
        List<PortalVisitor> visitors = new ArrayList<>();
        long[] took = new long[count];
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<PortalVisitor>> signedIn = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            signedIn.add(pool.submit(() -> {
                PortalVisitor visitor = new PortalVisitor(config.portalUrl());
                long start = System.nanoTime();
                visitor.signIn("bench" + (n + 1) + "@bench.example", DemoTimebank.PASSWORD);
                took[n] = System.nanoTime() - start;
                return visitor;
            }));
        }
        for (Future<PortalVisitor> visitor : signedIn) {
            visitors.add(visitor.get());
        }
        pool.shutdown();
        System.out.printf("%d members signed in through the portal in %.1f s (4 at a time; one sign-in, all its redirects:"
                + " p50 %.0f ms, p95 %.0f ms)%n", count, (System.nanoTime() - began) / 1e9, pct(took, 50), pct(took, 95));
        return visitors;
    }

    /** Every member at once, round and round their visit, for {@code seconds}; beside them one probe of identity's check. */
    private Probe load(List<PortalVisitor> visitors, List<String> ids, int seconds, long thinkMillis, LocalPlatform platform,
                       PlatformConfig config) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(visitors.size());
        recording = true;
        for (int i = 0; i < visitors.size(); i++) {
            PortalVisitor visitor = visitors.get(i);
            String next = ids.get((i + 1) % ids.size());
            Thread member = new Thread(() -> {
                try {
                    // members do not move in step: each starts somewhere in the first round (else 50 posts
                    // arrive together every round, and the run measures that wave, not 50 people)
                    think(java.util.concurrent.ThreadLocalRandom.current().nextLong(thinkMillis * PAGES.size() + 1));
                    boolean gave = true;
                    while (System.nanoTime() < end) {
                        visit(visitor, next, gave, thinkMillis);
                        gave = !gave;
                    }
                } finally {
                    done.countDown();
                }
            }, "member-" + i);
            member.setDaemon(true);
            member.start();
        }
        Probe probe = new Probe(platform, config, ids.get(0), ids.get(1), end);
        Thread probing = new Thread(probe, "probe");
        probing.setDaemon(true);
        probing.start();
        done.await();
        probing.join();
        return probe;
    }

    /** One round: the pages a member reads, then logging a quarter of an hour with the next member. */
    private void visit(PortalVisitor visitor, String counterpart, boolean gave, long thinkMillis) {
        page("home", visitor.get("/"), 200);
        think(thinkMillis);
        page("statement", visitor.get("/statement"), 200);
        think(thinkMillis);
        page("board", visitor.get("/board"), 200);
        think(thinkMillis);
        Page form = visitor.get("/hours/new");
        if (!page("hours form", form, 200)) {
            return;
        }
        Matcher requestId = REQUEST_ID.matcher(form.body());
        if (!requestId.find()) {
            error("hours form", "no requestId in the form");
            return;
        }
        think(thinkMillis);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", form.csrf());
        fields.put("requestId", requestId.group(1));
        fields.put("direction", gave ? "GAVE" : "RECEIVED");
        fields.put("counterpart", counterpart);
        fields.put("counterpartName", "");
        fields.put("name", "");
        fields.put("date-day", Integer.toString(today.getDayOfMonth()));
        fields.put("date-month", Integer.toString(today.getMonthValue()));
        fields.put("date-year", Integer.toString(today.getYear()));
        fields.put("hours", "0");
        fields.put("minutes", "15");
        fields.put("kind", "PEER_SUPPORT");
        fields.put("description", "A cup of tea and a chat");
        fields.put("action", "log");
        Page posted = visitor.post("/hours/new", fields);
        if (!page("hours post", posted, 302)) {
            return;
        }
        Page logged = visitor.follow(posted);
        page("hours logged", logged, 200);
        Matcher id = LOGGED_ID.matcher(posted.body());
        if (!id.find()) {
            error("hours post", "no id in " + posted.body());
            return;
        }
        page("contribution", visitor.get("/contributions/" + id.group(1)), 200);
        think(thinkMillis);
    }

    private boolean page(String name, Page page, int expected) {
        if (!recording) {
            return page.status() == expected;
        }
        if (page.status() != expected) {
            error(name, page.status() + " at " + page.uri() + ": " + said(page.body()));
            return false;
        }
        samples.computeIfAbsent(name, n -> new Samples()).add(page.nanos());
        return true;
    }

    /** What a page said went wrong: its error summary's words, else its first few hundred characters. */
    private static String said(String html) {
        Matcher summary = ERROR_SUMMARY.matcher(html);
        String text = summary.find() ? summary.group(1) : html;
        text = text.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
        return text.substring(0, Math.min(400, text.length()));
    }

    private void error(String page, String what) {
        errors.computeIfAbsent(page, p -> new AtomicLong()).incrementAndGet();
        firstErrors.putIfAbsent(page, what);
    }

    /** A pause of about {@code millis}: half to one and a half times it, as people read at their own pace. */
    private static void think(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(millis + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What a page costs beside the portal itself: once every 200 ms, the identity-service check the
     * portal makes before each page ({@code GET /accounts/{me}} with the member's token) and the
     * ledger's statement the statement page reads, called directly, under the same load.
     */
    private static final class Probe implements Runnable {
        final Samples identity = new Samples();
        final Samples statement = new Samples();
        final Samples log = new Samples();
        final Samples waiting = new Samples();
        final Samples inbox = new Samples();
        private final String identityUrl;
        private final String statementUrl;
        private final String waitingUrl;
        private final String inboxUrl;
        private final String token;
        private final String contributions;
        private final String member;
        private final String other;
        private final String otherToken;
        private final long end;
        private int logs;
        private final HttpClient http = HttpClient.newHttpClient();

        Probe(LocalPlatform platform, PlatformConfig config, String member, String other, long end) {
            String timebank = config.devTimebank();
            this.identityUrl = config.issuer() + "/api/v1/timebanks/" + timebank + "/accounts/" + member;
            this.statementUrl = platform.url("ledger-service") + "/api/v1/timebanks/" + timebank + "/members/" + member + "/statement";
            this.waitingUrl = platform.url("ledger-service") + "/api/v1/timebanks/" + timebank + "/members/" + member
                    + "/pending-validations";
            this.inboxUrl = platform.url("notification-service") + "/api/v1/timebanks/" + timebank + "/inbox?limit=20";
            this.token = platform.devToken(member, timebank, List.of("MEMBER"));
            this.contributions = platform.url("ledger-service") + "/api/v1/timebanks/" + timebank + "/contributions";
            this.member = member;
            this.other = other;
            this.otherToken = platform.devToken(other, timebank, List.of("MEMBER"));
            this.end = end;
        }

        @Override
        public void run() {
            while (System.nanoTime() < end) {
                time(identityUrl, identity);
                time(statementUrl, statement);
                time(waitingUrl, waiting);
                time(inboxUrl, inbox);
                logDirectly();
                think(200);
            }
        }

        /** One minute logged straight at the ledger, as the portal's post does (given, then received back: no drift). */
        private void logDirectly() {
            boolean gave = logs++ % 2 == 0;
            String json = "{\"side\":\"" + (gave ? "GIVER" : "RECEIVER") + "\",\"giverId\":\"" + member
                    + "\",\"receiverId\":\"" + other + "\",\"minutes\":1,\"happenedOn\":\""
                    + LocalDate.now(ZoneId.of("Europe/London")) + "\",\"kind\":\"PEER_SUPPORT\"}";
            long began = System.nanoTime();
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(contributions))
                        .header("Authorization", "Bearer " + (gave ? token : otherToken))
                        .header("Content-Type", "application/json").header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 201) {
                    log.add(System.nanoTime() - began);
                }
            } catch (IOException e) {
                // left out, as above
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void time(String url, Samples into) {
            long began = System.nanoTime();
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                        "Bearer " + token).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    into.add(System.nanoTime() - began);
                }
            } catch (IOException e) {
                // a probe that fails is left out; the pages' errors are what count
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Latencies in nanoseconds, from many threads. */
    private static final class Samples {
        private final List<Long> values = new ArrayList<>();

        synchronized void add(long nanos) {
            values.add(Math.max(1, nanos));
        }

        synchronized long[] all() {
            return values.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private void report(int seconds, Map<String, Long> cpuBefore, Map<String, Long> cpuAfter, Probe probe) {
        System.out.println();
        System.out.println("| page | pages | per second | p50 ms | p95 ms | p99 ms | errors |");
        System.out.println("|---|---|---|---|---|---|---|");
        List<Long> everything = new ArrayList<>();
        long pages = 0;
        for (String name : PAGES) {
            long[] nanos = samples.getOrDefault(name, new Samples()).all();
            for (long n : nanos) {
                everything.add(n);
            }
            pages += nanos.length;
            System.out.printf("| %s | %d | %.1f | %.0f | %.0f | %.0f | %d |%n", name, nanos.length, nanos.length / (double) seconds,
                    pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), errors.getOrDefault(name, new AtomicLong()).get());
        }
        long[] all = everything.stream().mapToLong(Long::longValue).toArray();
        long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("| **all pages** | %d | %.1f | %.0f | %.0f | %.0f | %d |%n", all.length, all.length / (double) seconds,
                pct(all, 50), pct(all, 95), pct(all, 99), errorCount);
        firstErrors.forEach((page, what) -> System.out.printf("first error on %s: %s%n", page, what));
        System.out.printf("%nbeside the load, called directly in turn, 200 ms apart:%n");
        System.out.printf("| identity-service GET /accounts/{me} (the portal's check before each page) | %d calls | p50 %.1f ms"
                + " | p95 %.1f ms | p99 %.1f ms |%n", probe.identity.all().length, pct(probe.identity.all(), 50),
                pct(probe.identity.all(), 95), pct(probe.identity.all(), 99));
        System.out.printf("| ledger GET /members/{me}/statement | %d calls | p50 %.1f ms | p95 %.1f ms | p99 %.1f ms |%n",
                probe.statement.all().length, pct(probe.statement.all(), 50), pct(probe.statement.all(), 95),
                pct(probe.statement.all(), 99));
        System.out.printf("| ledger GET /members/{me}/pending-validations (home's \"waiting\") | %d calls | p50 %.1f ms | p95 %.1f ms"
                + " | p99 %.1f ms |%n", probe.waiting.all().length, pct(probe.waiting.all(), 50), pct(probe.waiting.all(), 95),
                pct(probe.waiting.all(), 99));
        System.out.printf("| notification GET /inbox?limit=20 (home's inbox) | %d calls | p50 %.1f ms | p95 %.1f ms | p99 %.1f ms |%n",
                probe.inbox.all().length, pct(probe.inbox.all(), 50), pct(probe.inbox.all(), 95), pct(probe.inbox.all(), 99));
        System.out.printf("| ledger POST /contributions (what the hours post waits for; with an Idempotency-Key) | %d calls | p50 %.1f ms"
                + " | p95 %.1f ms | p99 %.1f ms |%n", probe.log.all().length, pct(probe.log.all(), 50), pct(probe.log.all(), 95),
                pct(probe.log.all(), 99));
        System.out.printf("%nCPU per page by process (ms; %d pages):%n", pages);
        long total = 0;
        for (Map.Entry<String, Long> e : cpuAfter.entrySet()) {
            long used = e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
            total += used;
            System.out.printf("| %s | %.2f | %.0f%% of the machine |%n", e.getKey(), used / (double) Math.max(1, pages),
                    100.0 * used / (seconds * 1000.0 * Runtime.getRuntime().availableProcessors()));
        }
        System.out.printf("| all | %.2f | %.0f%% of the machine |%n", total / (double) Math.max(1, pages),
                100.0 * total / (seconds * 1000.0 * Runtime.getRuntime().availableProcessors()));
    }

    private static com.fasterxml.jackson.databind.JsonNode post(String url, String token, String json) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
