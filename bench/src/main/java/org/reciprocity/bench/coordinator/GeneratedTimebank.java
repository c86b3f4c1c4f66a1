package org.reciprocity.bench.coordinator;

import static org.reciprocity.bench.Measure.pct;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.reciprocity.platform.LocalPlatform;

/**
 * A generated timebank, written through the services' own APIs, many calls at once (nothing is
 * written behind the services' backs): members registered at the ledger (matching makes each a
 * profile from the ledger's event), every member's matching profile filled in with varied skills,
 * tags, languages, districts, availability and modes, open listings published by their owners
 * (offers in one of the owner's skills, needs in any category; some remote, some needing step-free
 * access, some only for safeguarding-verified members), one member in ten verified, one in fifty
 * paused, a coordinator's match proposed for one need in twenty (half of them agreed by both
 * members), two runs of the batch planner left as drafts to review, and one member in twenty logging an hour that waits for the other's confirmation (one
 * in five of those disputed) — so the coordinator's queue has every kind of item to show.
 * Seeded: the same arguments make the same timebank.
 */
final class GeneratedTimebank {

    static final List<String> CATEGORIES = List.of("befriending", "peer-support", "listening", "practical-help", "shopping",
            "cooking", "gardening", "diy", "transport", "it-help", "admin-forms", "language-practice", "arts-crafts", "music",
            "exercise", "childcare", "pet-care", "training", "co-design", "translation", "reading", "advocacy",
            "social-activity", "wellbeing");
    static final List<String> DISTRICTS = List.of("M1", "M2", "M3", "M4", "M8", "M9", "M11", "M12", "M13", "M14", "M15", "M16",
            "M19", "M20", "M21", "M22", "M23", "M40");
    private static final List<String> FIRST = List.of("Amina", "Ben", "Chloe", "Dev", "Ewa", "Farid", "Grace", "Hamza", "Isla",
            "Jon", "Kemi", "Liam", "Maya", "Nadia", "Owen", "Priya", "Rosa", "Sam", "Tariq", "Una", "Vik", "Wen", "Yusuf", "Zoe");
    private static final List<String> LAST = List.of("Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fofana", "Green", "Hughes",
            "Iqbal", "Jones", "Khan", "Lewis", "Morris", "Nowak", "Okafor", "Patel", "Quinn", "Roberts", "Shah", "Taylor");
    private static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
    private static final List<String> PARTS = List.of("MORNING", "AFTERNOON", "EVENING");

    record Step(String what, int calls, double seconds, double p50, double p95, int failed) {
    }

    record Listing(String id, String ownerId, boolean need) {
    }

    final List<String> members = new ArrayList<>();
    final List<String> tokens = new ArrayList<>();
    final List<Listing> listings = new ArrayList<>();
    final Set<String> paused = new LinkedHashSet<>();
    final List<Step> steps = new ArrayList<>();
    final List<String> matches = new ArrayList<>();
    final List<String> contributions = new ArrayList<>();

    private final LocalPlatform platform;
    private final String timebank;
    private final String admin;
    private final int threads;

    GeneratedTimebank(LocalPlatform platform, String admin, int threads) {
        this.platform = platform;
        this.timebank = platform.config().devTimebank();
        this.admin = admin;
        this.threads = threads;
    }

    private String ledger() {
        return platform.url("ledger-service") + "/api/v1/timebanks/" + timebank;
    }

    private String matching() {
        return platform.url("matching-service") + "/api/v1/timebanks/" + timebank;
    }

    void generate(int memberCount, int listingCount) throws Exception {
        Random seeds = new Random(16);
        long[] seedOf = seeds.longs(memberCount + listingCount).toArray();

        // Two passes, each many members at once: first every member registered (and given a token), then
        // every profile and its listings. Matching makes the profile from the ledger's event; by the
        // second pass it has long had it, so no caller sits waiting for the event.
        String[] memberIds = new String[memberCount];
        String[] memberTokens = new String[memberCount];
        Listing[] published = new Listing[listingCount];
        Map<String, List<Long>> calls = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long began = System.nanoTime();
        parallel(memberCount, i -> {
            Api.Answer registered = timed(calls, "POST ledger /members", Api.post(ledger() + "/members", admin, "generate",
                    member(new Random(seedOf[i]), i)));
            if (!registered.ok()) {
                failures.add("member " + i + ": " + registered.status() + " " + registered.text());
                return null;
            }
            String id = registered.body().path("id").asText();
            long tokenBegan = System.nanoTime();
            memberTokens[i] = platform.devToken(id, timebank, List.of("MEMBER"));
            calls.computeIfAbsent("POST identity /local/token", k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(System.nanoTime() - tokenBegan);
            memberIds[i] = id;
            return null;
        }, threads);
        System.out.printf("  members registered: %.1f s%n", (System.nanoTime() - began) / 1e9);
        parallel(memberCount, i -> {
            String id = memberIds[i];
            if (id == null) {
                return null;
            }
            Api.Answer profile = timed(calls, "PUT matching /profiles/{id} (retried until matching knows the member)",
                    profile(id, memberTokens[i], new Random(seedOf[i] + 1)));
            if (!profile.ok()) {
                failures.add("profile " + i + ": " + profile.status() + " " + profile.text());
                return null;
            }
            for (int j = i; j < listingCount; j += memberCount) {
                Api.Answer listing = timed(calls, "POST matching /listings", Api.post(matching() + "/listings",
                        memberTokens[i], "generate", listing(new Random(seedOf[memberCount + j]), j)));
                if (listing.ok()) {
                    published[j] = new Listing(listing.body().path("id").asText(), id, j % 2 == 0);
                } else {
                    failures.add("listing " + j + ": " + listing.status() + " " + listing.text());
                }
            }
            return null;
        }, threads);
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("  members registered, given a profile and their listings published, %d callers at once: %.1f s%n",
                threads, seconds);
        calls.forEach((what, nanos) -> {
            long[] all = nanos.stream().mapToLong(Long::longValue).toArray();
            steps.add(new Step(what, all.length, seconds, pct(all, 50), pct(all, 95), 0));
            System.out.printf("    %s: %,d (%.0f/s over the phase; one call p50 %.0f ms, p95 %.0f ms)%n", what, all.length,
                    all.length / seconds, pct(all, 50), pct(all, 95));
        });
        if (!failures.isEmpty()) {
            System.out.printf("    %d not done, first: %s%n", failures.size(),
                    failures.get(0).substring(0, Math.min(300, failures.get(0).length())));
        }
        if (failures.size() > (memberCount + listingCount) / 20) {
            throw new IllegalStateException(failures.size() + " calls failed");
        }
        for (int i = 0; i < memberCount; i++) {
            if (memberIds[i] != null) {
                members.add(memberIds[i]);
                tokens.add(memberTokens[i]);
            }
        }
        for (Listing listing : published) {
            if (listing != null) {
                listings.add(listing);
            }
        }
        activity();
        topUp(listingCount);
        history(members.size() / 500, 500);
    }

    /**
     * How many listings matching's board shows now, as the service counts them: the search's total
     * ({@code GET /listings?limit=1}) over the open listings whose owners are available; paused
     * members' listings are not on it.
     */
    long openOnBoard() {
        Api.Answer answer = Api.get(matching() + "/listings?limit=1", admin, "generate").require("counting the board");
        return answer.body().path("total").asLong(-1);
    }

    /**
     * Publishes listings by members who are not paused until the board holds exactly {@code target}
     * open listings: the paused members' listings left it, and a member whose profile matching did not
     * have in time published none. The count is the service's own, asked again after each pass.
     */
    void topUp(int target) throws Exception {
        List<Integer> available = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (!paused.contains(members.get(i))) {
                available.add(i);
            }
        }
        long open = openOnBoard();
        System.out.printf("  open listings on matching's board after the pauses (GET /listings, total): %,d%n", open);
        for (int pass = 0; pass < 5 && open >= 0 && open < target; pass++) {
            int missing = (int) (target - open);
            int offset = listings.size();
            List<Api.Answer> made = step("listings published to bring the board to " + target + " (POST /listings, members not paused)",
                    missing, i -> {
                        int who = available.get(Math.floorMod(offset + i * 7, available.size()));
                        Api.Answer answer = Api.post(matching() + "/listings", tokens.get(who), "generate",
                                listing(new Random(31L * target + offset + i), offset + i));
                        return answer.ok() ? new Api.Answer(answer.status(), Api.JSON.createObjectNode()
                                .put("id", answer.body().path("id").asText()).put("owner", members.get(who))
                                .put("need", (offset + i) % 2 == 0), answer.text(), answer.nanos()) : answer;
                    });
            made.stream().filter(Api.Answer::ok).forEach(a -> listings.add(new Listing(a.body().path("id").asText(),
                    a.body().path("owner").asText(), a.body().path("need").asBoolean())));
            open = openOnBoard();
        }
        System.out.printf("  OPEN LISTINGS ON THE BOARD (matching's own count, GET /listings total): %,d of %,d asked%n", open, target);
    }

    /**
     * A history of hours, so the ledger's reads of contributions meet a collection of a realistic size:
     * {@code activities} group activities (one organisation each) with {@code attendees} members each
     * giving 30 minutes, recorded by a coordinator in one call each (a register, as the portal's group
     * activity page posts it); every other one confirmed (its attendances posted as transfers), the rest
     * left waiting for the organisation's staff.
     */
    void history(int activities, int attendees) throws Exception {
        try {
            recordHistory(activities, attendees);
        } catch (IllegalStateException e) {
            // the timebank is still worth measuring without it: said, not thrown
            System.out.println("  the history is incomplete: " + e.getMessage());
        }
    }

    private void recordHistory(int activities, int attendees) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        List<Api.Answer> recorded = step("group activities recorded, " + attendees + " attendees each (POST /organisations,"
                + " then POST /group-activities)", activities, i -> {
            String organisation = "bench-org-" + (i + 1);
            Api.Answer opened = Api.post(ledger() + "/organisations", admin, "generate", Api.object().put("id", organisation)
                    .put("name", "Community centre " + (i + 1)));
            if (!opened.ok() && opened.status() != 409) {
                return opened;
            }
            ArrayNode register = Api.JSON.createArrayNode();
            for (int a = 0; a < attendees && a < members.size(); a++) {
                register.add(Api.object().put("memberId", members.get((i * attendees + a) % members.size())).put("minutes", 30));
            }
            ObjectNode body = Api.object().put("id", "bench-activity-" + (i + 1)).put("organisationId", organisation)
                    .put("title", "Community lunch " + (i + 1)).put("kind", "PEER_SUPPORT")
                    .put("happenedOn", today.minusDays(1 + i % 7).toString()); // within the validation window
            body.set("attendances", register);
            return Api.post(ledger() + "/group-activities", admin, "generate", body);
        }, 2);
        List<Integer> confirm = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i += 2) {
            if (recorded.get(i).ok()) {
                confirm.add(i);
            }
        }
        // someone other than who recorded it confirms it (the ledger refuses the recorder: logger-cannot-confirm)
        String confirmer = platform.devToken("bench-confirmer", timebank, List.of("ADMIN", "COORDINATOR"));
        step("of those, confirmed by another admin (POST /group-activities/{id}/validation: every attendance posted)", confirm.size(),
                i -> Api.post(ledger() + "/group-activities/bench-activity-" + (confirm.get(i) + 1) + "/validation", confirmer,
                        "generate", Api.object()), 2);
    }

    /** What happens in a timebank once its members are in: verification, pauses, matches, plans, hours waiting, disputes. */
    private void activity() throws Exception {
        int memberCount = members.size();
        int verifiedCount = memberCount / 10;
        step("members verified by a coordinator (PUT /profiles/{id}/verification)", verifiedCount, i -> Api.put(
                matching() + "/profiles/" + members.get(i * 10 + 3) + "/verification", admin, "generate",
                Api.object().put("verified", true)));

        int pausedCount = memberCount / 50;
        step("members paused (POST /profiles/{id}/pause; their listings leave the board)", pausedCount, i -> Api.post(
                matching() + "/profiles/" + members.get(i * 50 + 7) + "/pause", tokens.get(i * 50 + 7), "generate", Api.object()));
        for (int i = 0; i < pausedCount; i++) {
            paused.add(members.get(i * 50 + 7));
        }

        List<Listing> needs = listings.stream().filter(l -> l.need() && !paused.contains(l.ownerId())).toList();
        int matchCount = needs.size() / 20;
        List<Api.Answer> proposed = step("matches proposed by a coordinator (suggestions, then POST /matches)", matchCount, i -> {
            Listing need = needs.get(i * 20);
            Api.Answer suggested = Api.get(matching() + "/listings/" + need.id() + "/suggestions?limit=1", admin, "generate");
            JsonNode best = suggested.body().path(0);
            if (!suggested.ok() || best.isMissingNode()) {
                return suggested.ok() ? new Api.Answer(204, best, "no suggestion", 0) : suggested;
            }
            ObjectNode body = Api.object().put("needListingId", need.id());
            if ("OFFER".equals(best.path("type").asText())) {
                body.put("offerListingId", best.path("listingId").asText());
            } else {
                body.put("giverId", best.path("memberId").asText());
            }
            return Api.post(matching() + "/matches", admin, "generate", body);
        });
        List<JsonNode> made = proposed.stream().filter(a -> a.status() == 201).map(Api.Answer::body).toList();
        made.forEach(m -> matches.add(m.path("id").asText()));
        List<JsonNode> agreeing = new ArrayList<>();
        for (int i = 0; i < made.size(); i += 2) {
            agreeing.add(made.get(i));
        }
        step("matches accepted by both members (POST /matches/{id}/accept, twice)", agreeing.size(), i -> {
            JsonNode match = agreeing.get(i);
            Api.Answer first = accept(match, match.path("giverId").asText());
            return first.ok() ? accept(match, match.path("receiverId").asText()) : first;
        });

        step("planner runs left as drafts for review (POST /coordinator/plans, one after the other)", 2, i -> Api.post(
                matching() + "/coordinator/plans", admin, "generate", Api.object()), 1);

        int logCount = memberCount / 20;
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        List<Api.Answer> logged = step("hours logged, waiting for the other member (POST /contributions)", logCount, i -> {
            int giver = i * 20 + 11;
            String receiver = members.get((giver + 1) % memberCount);
            ObjectNode body = Api.object().put("side", "GIVER").put("giverId", members.get(giver)).put("receiverId", receiver)
                    .put("minutes", 60).put("happenedOn", today.minusDays(i % 10).toString()).put("kind", "PEER_SUPPORT")
                    .put("description", "A walk and a talk");
            return Api.post(ledger() + "/contributions", tokens.get(giver), "generate", body);
        });
        logged.stream().filter(Api.Answer::ok).forEach(a -> contributions.add(a.body().path("id").asText()));
        int disputes = logCount / 5;
        step("of those, disputed by the other member (POST /contributions/{id}/dispute)", disputes, i -> {
            int giver = i * 5 * 20 + 11;
            String id = logged.get(i * 5).body().path("id").asText();
            return Api.post(ledger() + "/contributions/" + id + "/dispute", tokens.get((giver + 1) % memberCount), "generate",
                    Api.object().put("reason", "It was half an hour, not an hour"));
        });
    }

    private static ObjectNode member(Random r, int i) {
        return Api.object().put("kind", pick(r, List.of("NEIGHBOUR", "NEIGHBOUR", "NEIGHBOUR", "NEIGHBOUR", "SERVICE_USER",
                        "SERVICE_USER", "CARER", "STAFF")))
                .put("displayName", pick(r, FIRST) + " " + pick(r, LAST) + " " + (i + 1))
                .put("email", "member" + (i + 1) + "@bench.example").put("language", r.nextInt(5) == 0 ? "fr" : "en");
    }

    private Api.Answer profile(String memberId, String token, Random r) {
        ObjectNode body = Api.object().put("district", pick(r, DISTRICTS));
        body.set("skills", strings(some(r, CATEGORIES, 1 + r.nextInt(3))));
        body.set("tags", strings(r.nextInt(3) == 0 ? List.of() : List.of("tag-" + r.nextInt(200))));
        List<String> languages = new ArrayList<>(List.of("en"));
        if (r.nextInt(5) == 0) {
            languages.add(pick(r, List.of("fr", "ur", "pl", "ar", "so")));
        }
        body.set("languages", strings(languages));
        Set<String> slots = new LinkedHashSet<>();
        for (int s = 0, n = 1 + r.nextInt(4); s < n; s++) {
            slots.add(pick(r, DAYS) + "_" + pick(r, PARTS));
        }
        body.set("availability", strings(List.copyOf(slots)));
        List<String> modes = new ArrayList<>(List.of("IN_PERSON"));
        if (r.nextInt(10) < 3) {
            modes.add("REMOTE");
        }
        if (r.nextInt(10) == 0) {
            modes.add("GROUP");
        }
        body.set("modes", strings(modes));
        body.set("accessibilityNeeds", strings(r.nextInt(10) == 0 ? List.of("step-free") : List.of()));
        body.set("sharedWithMembers", strings(r.nextInt(3) == 0 ? List.of() : List.of("district", "availability", "modes")));
        String url = matching() + "/profiles/" + memberId;
        // matching makes the profile from the ledger's event: until it has, the profile is not there
        // (asked again less and less often: on a busy machine the asking would slow the consuming)
        long until = System.nanoTime() + 600_000_000_000L;
        long began = System.nanoTime();
        for (long pause = 250; ; pause = Math.min(4_000, pause * 2)) {
            Api.Answer answer = Api.put(url, token, "generate", body);
            if (answer.status() != 404 || System.nanoTime() > until) {
                return new Api.Answer(answer.status(), answer.body(), answer.text(), System.nanoTime() - began);
            }
            Api.sleep(pause);
        }
    }

    private static ObjectNode listing(Random r, int j) {
        boolean need = j % 2 == 0;
        String category = pick(r, CATEGORIES);
        boolean remote = r.nextInt(5) == 0;
        ObjectNode body = Api.object().put("kind", need ? "NEED" : "OFFER")
                .put("title", (need ? "Looking for " : "Can offer ") + category.replace('-', ' ') + " " + (j + 1))
                .put("description", "Generated for the coordinator benchmark.").put("category", category)
                .put("estimatedMinutes", 30 + 15 * r.nextInt(8)).put("mode", remote ? "REMOTE" : "IN_PERSON")
                .put("expiresAt", Instant.now().plus(60 + r.nextInt(60), ChronoUnit.DAYS).toString())
                .put("requiresVerified", need && r.nextInt(10) == 0);
        if (!remote) {
            body.put("district", pick(r, DISTRICTS));
        }
        body.set("tags", strings(List.of("tag-" + r.nextInt(200), "tag-" + r.nextInt(200))));
        body.set("accessibility", strings(r.nextInt(need ? 10 : 5) == 0 ? List.of("step-free") : List.of()));
        return body;
    }

    private static Api.Answer timed(Map<String, List<Long>> calls, String what, Api.Answer answer) {
        calls.computeIfAbsent(what, k -> Collections.synchronizedList(new ArrayList<>())).add(answer.nanos());
        return answer;
    }

    private Api.Answer accept(JsonNode match, String memberId) {
        int index = members.indexOf(memberId);
        String token = index >= 0 ? tokens.get(index) : platform.devToken(memberId, timebank, List.of("MEMBER"));
        return Api.post(matching() + "/matches/" + match.path("id").asText() + "/accept", token, "generate", Api.object());
    }

    /** Runs {@code count} calls on the pool, records the step (calls, time, latency, failures) and returns the answers in order. */
    private List<Api.Answer> step(String what, int count, IntFunction<Api.Answer> call) throws Exception {
        return step(what, count, call, threads);
    }

    private List<Api.Answer> step(String what, int count, IntFunction<Api.Answer> call, int callers) throws Exception {
        long began = System.nanoTime();
        List<Api.Answer> answers = parallel(count, call, callers);
        double seconds = (System.nanoTime() - began) / 1e9;
        long[] nanos = answers.stream().mapToLong(Api.Answer::nanos).toArray();
        List<Api.Answer> failed = answers.stream().filter(a -> !a.ok()).toList();
        Step step = new Step(what, count, seconds, pct(nanos, 50), pct(nanos, 95), failed.size());
        steps.add(step);
        System.out.printf("  %s: %,d in %.1f s (%.0f/s; one call p50 %.0f ms, p95 %.0f ms)%s%n", what, count, seconds,
                count / Math.max(0.001, seconds), step.p50(), step.p95(),
                failed.isEmpty() ? "" : "; " + failed.size() + " not done, first: " + failed.get(0).status() + " "
                        + failed.get(0).text().substring(0, Math.min(300, failed.get(0).text().length())));
        if (failed.size() > count / 20 + 1) {
            throw new IllegalStateException(what + ": " + failed.size() + " of " + count + " failed");
        }
        return answers;
    }

    private <T> List<T> parallel(int count, IntFunction<T> call, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> call.apply(n)));
            }
            List<T> results = new ArrayList<>(count);
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static List<String> some(Random r, List<String> from, int n) {
        List<String> copy = new ArrayList<>(from);
        Collections.shuffle(copy, r);
        return copy.subList(0, n);
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Api.JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
