package org.reciprocity.bench.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Members logging and validating contributions as fast as the ledger answers, through its HTTP
 * API. Remembers every contribution whose logging (201) or validation (200) was acknowledged: what
 * a member was told is recorded, and what the audit must find. A call that failed or got no answer
 * is not counted either way (it may or may not have happened; the audit checks it was not doubled).
 */
final class Load {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final int MEMBERS = 16;
    private static final int THREADS = 6;

    final String timebank;
    final List<String> members = new ArrayList<>();
    private volatile List<String> tokens = List.of();
    volatile String adminToken;
    /** Acknowledged as logged (201), then as validated (200). */
    final Set<String> logged = ConcurrentHashMap.newKeySet();
    final Set<String> validated = ConcurrentHashMap.newKeySet();
    /** Every contribution id the load ever sent, answered or not. */
    final Set<String> attempted = ConcurrentHashMap.newKeySet();
    /** Members whose registration a coordinator was told of (201): only with {@link #withRegistrars}. */
    final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile int registrars;
    private final AtomicLong failedCalls = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final String ledger;
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();

    private Load(String timebank, String ledger) {
        this.timebank = timebank;
        this.ledger = ledger;
    }

    /** Opens the timebank with wide limits and registers its members. */
    static Load prepare(Launcher launcher, String timebank) throws Exception {
        Load load = new Load(timebank, launcher.url("ledger-service"));
        load.adminToken = launcher.token("crash-admin", timebank, "ADMIN,COORDINATOR,STAFF");
        String base = load.ledger + "/api/v1/timebanks";
        expect(post(base, load.adminToken, Map.of("id", timebank, "name", "Crash suite", "zoneId", "Europe/London")), 201);
        expect(send("PUT", base + "/" + timebank + "/policy", load.adminToken, Map.of("zoneId", "Europe/London",
                "validationWindowDays", 14, "reminderHoursBeforeDeadline", List.of(24),
                "memberMinimumMinutes", -1_000_000, "memberMaximumMinutes", 1_000_000,
                "organisationMinimumMinutes", -1_000_000, "organisationMaximumMinutes", 1_000_000,
                "warningMarginMinutes", 0, "logOnBehalfAllowed", true)), 200);
        for (int i = 0; i < MEMBERS; i++) {
            HttpResponse<String> registered = expect(post(base + "/" + timebank + "/members", load.adminToken,
                    Map.of("kind", "NEIGHBOUR", "displayName", "Member " + i)), 201);
            load.members.add(JSON.readTree(registered.body()).path("id").asText());
        }
        load.refreshTokens(launcher);
        return load;
    }

    /** New tokens from the launcher's issuer: a restarted launcher signs with a new key. */
    void refreshTokens(Launcher launcher) throws IOException, InterruptedException {
        List<String> fresh = new ArrayList<>();
        for (String member : members) {
            fresh.add(launcher.token(member, timebank, "MEMBER"));
        }
        tokens = fresh;
        adminToken = launcher.token("crash-admin", timebank, "ADMIN,COORDINATOR,STAFF");
    }

    /** Coordinators registering members beside the contributions, as many as {@code count} at once. */
    Load withRegistrars(int count) {
        registrars = count;
        return this;
    }

    void startRunning(Launcher launcher) throws IOException, InterruptedException {
        refreshTokens(launcher);
        running = true;
        for (int t = 0; t < THREADS; t++) {
            int lane = t;
            Thread thread = new Thread(() -> work(lane), "crash-load-" + t);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (int r = 0; r < registrars; r++) {
            Thread thread = new Thread(this::register, "crash-registrar-" + r);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** A coordinator registering members one after another; each acknowledged one is remembered. */
    private void register() {
        String members = ledger + "/api/v1/timebanks/" + timebank + "/members";
        while (running) {
            calls.incrementAndGet();
            try {
                HttpResponse<String> answer = post(members, adminToken, Map.of("kind", "NEIGHBOUR",
                        "displayName", "Registered " + UUID.randomUUID().toString().substring(0, 6)));
                if (answer.statusCode() == 201) {
                    registered.add(JSON.readTree(answer.body()).path("id").asText());
                } else {
                    failedCalls.incrementAndGet();
                    pause();
                }
            } catch (IOException e) {
                failedCalls.incrementAndGet();
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void stopRunning() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        threads.clear();
    }

    private void work(int lane) {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        int n = lane;
        while (running) {
            int giver = n % MEMBERS;
            int receiver = (giver + 1 + lane) % MEMBERS;
            n += THREADS;
            String id = "crash-" + UUID.randomUUID();
            attempted.add(id);
            String contributions = ledger + "/api/v1/timebanks/" + timebank + "/contributions";
            Map<String, Object> body = Map.of("id", id, "side", "GIVER", "giverId", members.get(giver),
                    "receiverId", members.get(receiver), "minutes", 30, "happenedOn", today, "kind", "PEER_SUPPORT");
            if (call(() -> post(contributions, tokens.get(giver), body), 201)) {
                logged.add(id);
                if (call(() -> post(contributions + "/" + id + "/validation", tokens.get(receiver), Map.of("note", "thanks")), 200)) {
                    validated.add(id);
                }
            } else {
                pause(); // the ledger is away: do not spin
            }
        }
    }

    private boolean call(Call call, int expected) {
        calls.incrementAndGet();
        try {
            boolean ok = call.send().statusCode() == expected;
            if (!ok) {
                failedCalls.incrementAndGet();
            }
            return ok;
        } catch (IOException e) {
            failedCalls.incrementAndGet();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    record Figures(int attempted, int logged, int validated, long calls, long failedCalls, int registered) {

        Figures(int attempted, int logged, int validated, long calls, long failedCalls) {
            this(attempted, logged, validated, calls, failedCalls, 0);
        }

        @Override
        public String toString() {
            return String.format("load: %d contributions sent, %d acknowledged as logged, %d as validated;%s %d calls, %d"
                    + " failed or unanswered (while a process was down)", attempted, logged, validated,
                    registered == 0 ? "" : " " + registered + " members registered;", calls, failedCalls);
        }
    }

    Figures figures() {
        return new Figures(attempted.size(), logged.size(), validated.size(), calls.get(), failedCalls.get(), registered.size());
    }

    /** Calls so far, and of them those that failed or went unanswered. */
    long calls() {
        return calls.get();
    }

    long failedCalls() {
        return failedCalls.get();
    }

    static HttpResponse<String> post(String url, String token, Object body) throws IOException, InterruptedException {
        return send("POST", url, token, body);
    }

    static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(String method, String url, String token, Object body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }
}
