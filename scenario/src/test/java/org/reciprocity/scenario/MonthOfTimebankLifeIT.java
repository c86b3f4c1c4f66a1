package org.reciprocity.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.scenario.Town.json;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.reciprocity.scenario.Town.Person;

/**
 * A month of timebank life, through the real broker and store, the three services running as the
 * run command starts them, their clocks moved together day by day (each day: 09:00 for the
 * morning's schedules, 13:00 for what people do, 23:00 for the rest of the day's schedules).
 * Members of every kind join, post offers and needs, are matched, log, confirm, dispute, withdraw,
 * pause, are suspended and reactivated, redeem and give. Every state and balance is checked
 * through the APIs, and every message each person received against {@code month-script.txt}: a
 * message the script does not list fails the test as much as one it lists and nobody received.
 */
class MonthOfTimebankLifeIT {

    private static final LocalTime MORNING = LocalTime.of(9, 0);
    private static final LocalTime MIDDAY = LocalTime.of(13, 0);
    private static final LocalTime EVENING = LocalTime.of(23, 0);
    private static final int LAST_DAY = 30;

    private Town town;
    private final List<String> contributions = new ArrayList<>();
    /** Listings and matches by their name in the story. */
    private final Map<String, String> ids = new LinkedHashMap<>();

    @Test
    void aMonthOfTimebankLifeBringsEveryoneTheRightMessagesAndLeavesEveryBalanceRight() throws Exception {
        // day 0 is the 4th of January of next year: always ahead of the real clock, a 31-day month, London on UTC
        LocalDate dayZero = LocalDate.of(LocalDate.now(ZoneOffset.UTC).getYear() + 1, 1, 4);
        List<Script.Message> script = Script.read("/month-script.txt");
        long began = System.nanoTime();
        try (Town t = Town.start(dayZero)) {
            town = t;
            long started = System.nanoTime();
            for (int day = 0; day <= LAST_DAY; day++) {
                town.moveTo(day, MORNING);
                town.letSchedulersRun();
                // the coordinator's digest is made from the queue as it is in the morning: it must be out before
                // midday, when a contribution may expire (day 16); on a slow machine the pause may not be enough
                town.awaitInboxes(day, script, "QUEUE_DIGEST");
                town.moveTo(day, MIDDAY);
                today(day);
                town.moveTo(day, EVENING);
                town.letSchedulersRun();
                town.awaitInboxes(day, script);
                afterTheDay(day);
            }
            theBarHolds();
            int messages = everyMessageIsTheScriptsAndNoOther(script);
            assertThat(town.wrongStates()).as("states not as the story says").isEmpty();
            System.out.printf("[month] %d states and %d messages checked; platform started in %.0f s, the month ran in %.0f s%n",
                    town.statesChecked(), messages, (started - began) / 1e9, (System.nanoTime() - started) / 1e9);
        }
    }

    /** What people do at midday of each day. */
    private void today(int day) {
        switch (day) {
            case 0 -> {
                Http.post(town.platform.url("ledger-service") + "/api/v1/timebanks", town.admin,
                        json("id", Town.TIMEBANK, "name", "Riverside", "zoneId", "Europe/London")).expect(201);
                Person cora = town.join("cora", "STAFF", "en", "COORDINATOR");
                town.join("sam", "SERVICE_USER", "en");
                town.join("ali", "NEIGHBOUR", "fr");
                town.join("kim", "CARER", "en");
                town.join("pat", "NEIGHBOUR", "fr");
                town.join("lee", "SERVICE_USER", "en");
                Http.post(town.ledger + "/organisations", town.admin,
                        json("id", "cafe", "name", "Riverside Cafe", "staffIds", List.of(cora.id()))).expect(201);
                town.awaitEveryoneKnown();
                publish("ali-walks", "ali", "OFFER", "Walks and a chat", 20);
                publish("sam-walk", "sam", "NEED", "Someone to walk with", 25);
                publish("kim-forms", "kim", "OFFER", "Help with forms", 12);
                publish("lee-library", "lee", "NEED", "Company at the library", 28);
                log("c1", day, "ali", "GIVER", "ali", "sam", 90, null);
                state("c1", "LOGGED");
            }
            case 1 -> {
                propose("m1", "sam-walk", "ali-walks");
                confirm("c1", "sam", "Thank you, Ali");
                state("c1", "VALIDATED");
            }
            case 2 -> {
                accept("m1", "ali", "PROPOSED");
                log("c2", day, "kim", "GIVER", "kim", "lee", 60, null);
            }
            case 3 -> {
                accept("m1", "sam", "AGREED");
                propose("m2", "lee-library", "kim-forms");
                // issue 13, finding 2: the coordinator queue opens once matches exist
                town.check("the coordinator queue opens", Http.get(town.matching + "/coordinator/queue",
                        town.person("cora").token()).status(), 200);
            }
            case 4 -> {
                // the ledger learns of the agreement through the broker
                String body = logBody("c3", day, "GIVER", "ali", "sam", 60, ids.get("m1"));
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                        .until(() -> Http.post(town.ledger + "/contributions", token("ali"), body).status() == 201);
                contributions.add("c3");
                state("c3", "LOGGED");
            }
            case 5 -> {
                Http.post(town.ledger + "/contributions/c3/dispute", token("sam"), json("reason", "It was 45 minutes"))
                        .expect(200);
                state("c3", "DISPUTED");
                Http.post(town.matching + "/profiles/" + id("pat") + "/pause", token("pat"), "{}").expect(200);
                town.eventually("pat is paused in notification", () -> recipient("pat").path("paused").asBoolean(), true);
            }
            case 6 -> {
                Http.post(town.ledger + "/contributions/c3/resolution", token("cora"),
                        json("minutes", 45, "note", "Agreed with both: 45 minutes")).expect(200);
                // a resolved dispute is validated at the minutes the coordinator decided
                state("c3", "VALIDATED");
                town.check("c3 posted minutes", town.contribution("c3").path("postedMinutes").asLong(), 45L);
                // issue 13, finding 4: a paused member is still asked to confirm their own hours
                log("c4", day, "kim", "GIVER", "kim", "pat", 60, null);
            }
            case 7 -> log("c5", day, "sam", "GIVER", "sam", "ali", 30, null);
            case 8 -> {
                Http.post(town.ledger + "/contributions/c5/withdrawal", token("sam"), "{}").expect(200);
                state("c5", "WITHDRAWN");
                Http.post(town.matching + "/profiles/" + id("pat") + "/resume", token("pat"), "{}").expect(200);
                town.eventually("pat is back in notification", () -> recipient("pat").path("paused").asBoolean(), false);
            }
            case 9 -> {
                confirm("c4", "pat", null);
                state("c4", "VALIDATED");
            }
            case 10 -> log("c6", day, "pat", "GIVER", "pat", "kim", 120, null);
            case 11 -> {
                Http.post(town.ledger + "/contributions/c6/dispute", token("kim"), json("reason", "We met for one hour"))
                        .expect(200);
                state("c6", "DISPUTED");
            }
            case 12 -> log("c7", day, "sam", "GIVER", "sam", "kim", 45, null);
            case 13 -> {
                Http.post(town.ledger + "/contributions/c6/rejection", town.admin, json("reason", "Logged twice")).expect(200);
                state("c6", "REJECTED");
                confirm("c7", "kim", "Thanks Sam");
                state("c7", "VALIDATED");
            }
            case 18 -> {
                Http.post(town.ledger + "/members/" + id("lee") + "/suspension", token("cora"),
                        json("reason", "Taking a break agreed with the team")).expect(200);
                town.check("lee suspended", member("lee").path("status").asText(), "SUSPENDED");
                town.eventually("lee suspended in matching", () -> profile("lee").path("suspended").asBoolean(), true);
            }
            case 19 -> {
                Http.Answer refused = Http.post(town.ledger + "/contributions", token("lee"),
                        logBody("refused", day, "RECEIVER", "ali", "lee", 30, null));
                town.check("a suspended member cannot log", refused.status() + " " + refused.text("code"),
                        "422 suspended-cannot-log");
            }
            case 20 -> {
                Http.post(town.ledger + "/members/" + id("lee") + "/reactivation", token("cora"), "{}").expect(200);
                town.check("lee active again", member("lee").path("status").asText(), "ACTIVE");
                town.eventually("lee active in matching", () -> profile("lee").path("suspended").asBoolean(), false);
            }
            case 21 -> log("c8", day, "ali", "GIVER", "ali", "lee", 30, null);
            case 22 -> {
                confirm("c8", "lee", "Merci Ali");
                state("c8", "VALIDATED");
            }
            case 23 -> Http.post(town.ledger + "/redemptions", token("ali"),
                    json("id", "r1", "organisationId", "cafe", "minutes", 60, "offer", "Lunch at the cafe")).expect(201);
            case 24 -> Http.post(town.ledger + "/gifts", token("kim"),
                    json("id", "g1", "toAccountId", id("lee"), "minutes", 30, "note", "For your next class")).expect(201);
            case 26 -> {
                Http.post(town.matching + "/listings/" + ids.get("lee-library") + "/withdraw", token("lee"),
                        json("reason", "Found a friend to go with")).expect(200);
                listing("lee-library", "WITHDRAWN");
            }
            case 27 -> log("c9", day, "lee", "RECEIVER", "ali", "lee", 15, null);
            default -> {
            }
        }
    }

    /** What the schedulers did by the end of the day. */
    private void afterTheDay(int day) {
        switch (day) {
            case 6 -> listing("kim-forms", "OPEN");
            case 10 -> match("m2", "EXPIRED");
            case 12 -> listing("kim-forms", "EXPIRED");
            case 15 -> state("c2", "LOGGED");
            case 16 -> town.eventually("c2 expired", () -> town.contribution("c2").path("state").asText(), "EXPIRED");
            case 20 -> listing("ali-walks", "EXPIRED");
            case 25 -> listing("sam-walk", "EXPIRED");
            case LAST_DAY -> {
                state("c9", "LOGGED");
                match("m1", "COMPLETED");
                balances();
            }
            default -> {
            }
        }
    }

    private void balances() {
        // ali gave 90 (c1), 45 (c3 as resolved) and 30 (c8), redeemed 60; c9 (15 from ali to lee) waits for ali
        account("ali", 105, 0, 15);
        // sam received 90 and 45, gave 45 (c7)
        account("sam", -90, 0, 0);
        // kim gave 60 (c4), received 45 (c7), gave a gift of 30
        account("kim", -15, 0, 0);
        account("pat", -60, 0, 0);
        // lee received 30 (c8) and a gift of 30; c9 waits
        account("lee", 0, 15, 0);
        account("cora", 0, 0, 0);
        town.check("the cafe's account", town.account("cafe").path("balance").asLong(), 60L);
        JsonNode all = Http.get(town.ledger + "/accounts", town.admin).expect(200).json();
        town.check("the balances sum to zero", all.path("sumOfBalances").asLong(), 0L);
        town.check("the ledger's chain verifies", Http.get(town.ledger + "/ledger/verification", town.admin).expect(200)
                .json().path("intact").asBoolean(), true);
        // issue 13, finding 3: matching counts time given and received through contributions only
        given("ali", 165, 0);
        given("sam", 45, 135);
        given("kim", 60, 45);
        given("pat", 0, 60);
        given("lee", 0, 30);
    }

    /**
     * The bar of issue 13: every account's pending minutes are what its open contributions reserve,
     * and no contribution is past its deadline without being expired.
     */
    private void theBarHolds() {
        Instant now = Instant.parse(Http.get(town.platform.url("ledger-service") + "/test/clock", town.admin)
                .expect(200).text("now"));
        Map<String, long[]> reserved = new LinkedHashMap<>();
        for (String c : contributions) {
            JsonNode contribution = town.contribution(c);
            String state = contribution.path("state").asText();
            boolean open = state.equals("LOGGED") || state.equals("DISPUTED");
            if (state.equals("LOGGED")) {
                town.check(c + " is not past its deadline while still waiting",
                        Instant.parse(contribution.path("validationDeadline").asText()).isAfter(now), true);
            }
            if (open) {
                long minutes = contribution.path("minutes").asLong();
                reserved.computeIfAbsent(contribution.path("receiverId").asText(), k -> new long[2])[0] += minutes;
                reserved.computeIfAbsent(contribution.path("giverId").asText(), k -> new long[2])[1] += minutes;
            }
        }
        for (JsonNode account : Http.get(town.ledger + "/accounts", town.admin).expect(200).json().path("accounts")) {
            long[] expected = reserved.getOrDefault(account.path("id").asText(), new long[2]);
            town.check("pending minutes of " + town.nameOf(account.path("id").asText()) + " are its open contributions'",
                    account.path("debitsPending").asLong() + "/" + account.path("creditsPending").asLong(),
                    expected[0] + "/" + expected[1]);
        }
    }

    private int everyMessageIsTheScriptsAndNoOther(List<Script.Message> expected) throws Exception {
        town.awaitQuiet();
        Path project = town.platform.config().projectDir();
        List<Script.Message> received = town.received(new Wordings(project));
        String difference = Town.difference(expected, received);
        if (!difference.isEmpty()) {
            StringBuilder all = new StringBuilder();
            received.forEach(m -> all.append("\n  ").append(m));
            System.out.println("[month] every message received:" + all);
        }
        town.wrongStates().forEach(w -> System.out.println("[month] wrong state: " + w));
        System.out.printf("[month] %d states checked (%d wrong); %d messages received, %d in the script%n",
                town.statesChecked(), town.wrongStates().size(), received.size(), expected.size());
        assertThat(difference).as("the messages received against month-script.txt (" + expected.size() + " lines)")
                .isEmpty();
        return received.size();
    }

    // ---- the verbs of the story

    private void publish(String key, String owner, String kind, String title, int expiresOnDay) {
        String id = Http.post(town.matching + "/listings", token(owner), json("kind", kind, "title", title,
                "category", "befriending", "tags", List.of("walking"), "estimatedMinutes", 60, "mode", "IN_PERSON",
                "district", "M14", "expiresAt", town.at(expiresOnDay, LocalTime.of(18, 0)).toString(),
                "requiresVerified", false)).expect(201).text("id");
        ids.put(key, id);
        listing(key, "OPEN");
    }

    private void propose(String key, String need, String offer) {
        JsonNode match = Http.post(town.matching + "/matches", token("cora"),
                json("needListingId", ids.get(need), "offerListingId", ids.get(offer))).expect(201).json();
        ids.put(key, match.path("id").asText());
        town.check(key + " proposed", match.path("status").asText(), "PROPOSED");
    }

    private void accept(String key, String who, String status) {
        JsonNode match = Http.post(town.matching + "/matches/" + ids.get(key) + "/accept", token(who), "{}")
                .expect(200).json();
        town.check(key + " after " + who + " said yes", match.path("status").asText(), status);
    }

    private void log(String c, int day, String logger, String side, String giver, String receiver, long minutes,
                     String match) {
        Http.post(town.ledger + "/contributions", token(logger), logBody(c, day, side, giver, receiver, minutes, match))
                .expect(201);
        contributions.add(c);
        state(c, "LOGGED");
    }

    private String logBody(String c, int day, String side, String giver, String receiver, long minutes, String match) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("id", c, "side", side, "giverId", id(giver),
                "receiverId", id(receiver), "minutes", minutes, "happenedOn", town.date(day).toString(),
                "kind", "PEER_SUPPORT", "description", "Time together"));
        if (match != null) {
            body.put("matchId", match);
        }
        try {
            return Http.JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void confirm(String c, String who, String note) {
        Http.post(town.ledger + "/contributions/" + c + "/validation", token(who),
                note == null ? "{}" : json("note", note)).expect(200);
    }

    private void state(String c, String expected) {
        town.check(c + " is " + expected, town.contribution(c).path("state").asText(), expected);
    }

    private void listing(String key, String expected) {
        town.eventually("listing " + key, () -> Http.get(town.matching + "/listings/" + ids.get(key), town.admin)
                .expect(200).text("status"), expected);
    }

    private void match(String key, String expected) {
        town.eventually("match " + key, () -> Http.get(town.matching + "/matches/" + ids.get(key), town.admin)
                .expect(200).text("status"), expected);
    }

    private void account(String who, long balance, long debitsPending, long creditsPending) {
        JsonNode account = town.account(id(who));
        town.check(who + "'s balance and pending minutes", account.path("balance").asLong() + " "
                + account.path("debitsPending").asLong() + " " + account.path("creditsPending").asLong(),
                balance + " " + debitsPending + " " + creditsPending);
    }

    private void given(String who, long given, long received) {
        JsonNode profile = profile(who);
        town.check(who + "'s time given and received in matching", profile.path("givenMinutes").asLong() + " given, "
                + profile.path("receivedMinutes").asLong() + " received", given + " given, " + received + " received");
    }

    private JsonNode member(String who) {
        return Http.get(town.ledger + "/members/" + id(who), town.admin).expect(200).json();
    }

    private JsonNode profile(String who) {
        return Http.get(town.matching + "/profiles/" + id(who), town.admin).expect(200).json();
    }

    private JsonNode recipient(String who) {
        return Http.get(town.notification + "/recipients/" + id(who), town.admin).expect(200).json();
    }

    private String id(String who) {
        return town.person(who).id();
    }

    private String token(String who) {
        return town.person(who).token();
    }
}
