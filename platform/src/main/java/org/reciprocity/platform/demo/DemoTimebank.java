package org.reciprocity.platform.demo;

import static org.reciprocity.platform.demo.ServiceCalls.object;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.reciprocity.platform.demo.DemoScript.Contribution;
import org.reciprocity.platform.demo.DemoScript.Listing;
import org.reciprocity.platform.demo.DemoScript.Person;
import org.reciprocity.platform.demo.ServiceCalls.Answer;

/**
 * The demo timebank ({@code RECIPROCITY_DEMO=true}): a living portal on the first start. Through the
 * services' own APIs, as the portal and its people would, it registers members of every kind and
 * invites them at identity-service, gives them the demo password (identity's local-only helper),
 * fills in their profiles, opens an organisation, publishes offers and needs, logs a month of hours
 * (confirmed with thank-yous, two still waiting, one disputed), a gift, a visit to the café, and three
 * matches (proposed, agreed, completed). What it did is kept in the data folder ({@link DemoState}):
 * a later start changes nothing and only prints the sign-ins.
 */
public final class DemoTimebank {

    /** Every demo member's password: meant to be printed, so the demo is for this machine only. */
    public static final String PASSWORD = "reciprocity-demo";

    /** How the demo reaches the platform: the services' addresses, tokens and the password helper. */
    public interface Platform {
        String timebank();

        String ledgerUrl();

        String matchingUrl();

        String identityUrl();

        /** A token from identity-service's local-only helper. */
        String token(String memberId, List<String> roles);

        /** identity-service's local-only {@code POST /local/password}. */
        void setPassword(String memberId, String password);
    }

    /** One demo sign-in, as the banner prints it. */
    public record SignIn(String email, String name, String shown) {
    }

    /** What a load left: the sign-ins, the members' ids by key, and whether this load wrote anything. */
    public record Loaded(List<SignIn> signIns, Map<String, String> memberIds, boolean wroteNow, Duration took) {
    }

    private static final Duration EVENTS_ARRIVE = Duration.ofSeconds(60);

    private final Platform platform;
    private final DemoState state;
    private final Map<String, String> ids = new HashMap<>();
    private boolean wrote;

    public DemoTimebank(Platform platform, Path stateFile) {
        this.platform = platform;
        this.state = new DemoState(stateFile);
    }

    /** The demo's state file in a data folder. */
    public static Path stateFile(Path dataDir) {
        return dataDir.resolve("demo.properties");
    }

    /** The sign-ins the banner prints, whether or not the demo is loaded yet. */
    public static List<SignIn> signIns() {
        return DemoScript.PEOPLE.stream().map(p -> new SignIn(p.email(), p.name(), p.shown())).toList();
    }

    /** Loads what is not loaded yet; a load that finds everything done writes nothing. */
    public Loaded load() {
        long began = System.nanoTime();
        if (!state.done("loaded")) {
            String admin = platform.token("demo-loader", List.of("ADMIN", "COORDINATOR"));
            allowAMonthBack(admin);
            for (Person person : DemoScript.PEOPLE) {
                register(admin, person);
            }
            for (Person person : DemoScript.PEOPLE) {
                profile(person);
            }
            organisation(admin);
            for (Listing listing : DemoScript.LISTINGS) {
                publish(listing);
            }
            for (Contribution contribution : DemoScript.CONTRIBUTIONS) {
                contribute(contribution);
            }
            gift();
            spend();
            matches();
            state.put("loaded", Instant.now().toString());
        } else {
            DemoScript.PEOPLE.forEach(p -> state.get("member." + p.key()).ifPresent(id -> ids.put(p.key(), id)));
        }
        return new Loaded(signIns(), Map.copyOf(ids), wrote, Duration.ofNanos(System.nanoTime() - began));
    }

    private String ledger() {
        return platform.ledgerUrl() + "/api/v1/timebanks/" + platform.timebank();
    }

    private String matching() {
        return platform.matchingUrl() + "/api/v1/timebanks/" + platform.timebank();
    }

    private String key(String step) {
        return "demo-" + platform.timebank() + "-" + step;
    }

    /** A month of hours needs a validation window of a month: the timebank's policy says how far back one may log. */
    private void allowAMonthBack(String admin) {
        if (state.done("policy")) {
            return;
        }
        Answer policy = ServiceCalls.get(ledger() + "/policy", admin).require("the timebank's policy");
        if (policy.body().path("validationWindowDays").asInt() < 31) {
            ObjectNode wider = ((ObjectNode) policy.body()).put("validationWindowDays", 31);
            ServiceCalls.put(ledger() + "/policy", admin, wider).require("a month's validation window");
            wrote = true;
        }
        state.markDone("policy");
    }

    /** As the portal's invite page does: the member in the ledger, then an invitation at identity, then the demo password. */
    private void register(String admin, Person person) {
        String id = state.get("member." + person.key()).orElse(null);
        if (id == null) {
            ObjectNode body = object().put("kind", person.kind()).put("displayName", person.name())
                    .put("email", person.email()).put("language", person.language());
            body.set("roles", strings(person.roles()));
            id = ServiceCalls.post(ledger() + "/members", admin, key("member-" + person.key()), body)
                    .require("registering " + person.name()).id();
            state.put("member." + person.key(), id);
            wrote = true;
        }
        ids.put(person.key(), id);
        if (!state.done("signin." + person.key())) {
            ObjectNode invitation = object().put("memberId", id).put("email", person.email()).put("language", person.language());
            invitation.set("roles", strings(person.roles()));
            ServiceCalls.post(platform.identityUrl() + "/api/v1/timebanks/" + platform.timebank() + "/invitations", admin, null,
                    invitation).require("inviting " + person.name());
            platform.setPassword(id, PASSWORD);
            state.markDone("signin." + person.key());
            wrote = true;
        }
    }

    private String tokenOf(String key) {
        Person person = DemoScript.PEOPLE.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
        return platform.token(ids.get(key), person.roles());
    }

    /** The profile is matching's own copy of the member (from the ledger's event), which the member then fills in. */
    private void profile(Person person) {
        if (state.done("profile." + person.key())) {
            return;
        }
        String token = tokenOf(person.key());
        String url = matching() + "/profiles/" + ids.get(person.key());
        await("matching to learn of " + person.name(), () -> ServiceCalls.get(url, token).ok());
        ObjectNode body = object().put("district", person.district());
        body.set("skills", strings(person.skills()));
        body.set("languages", strings(person.languages()));
        body.set("availability", strings(person.availability()));
        body.set("modes", strings(person.modes()));
        body.set("sharedWithMembers", strings(List.of("district", "availability", "modes")));
        ServiceCalls.put(url, token, body).require("the profile of " + person.name());
        state.markDone("profile." + person.key());
        wrote = true;
    }

    private void organisation(String admin) {
        if (state.done("organisation")) {
            return;
        }
        ObjectNode body = object().put("id", DemoScript.ORGANISATION_ID).put("name", DemoScript.ORGANISATION_NAME);
        body.set("staffIds", strings(List.of(ids.get(DemoScript.ORGANISATION_STAFF))));
        Answer opened = ServiceCalls.post(ledger() + "/organisations", admin, key("organisation"), body);
        if (opened.status() != 409) {
            opened.require("opening " + DemoScript.ORGANISATION_NAME);
        }
        state.markDone("organisation");
        wrote = true;
    }

    private void publish(Listing listing) {
        if (state.get("listing." + listing.key()).isPresent()) {
            return;
        }
        ObjectNode body = object().put("kind", listing.kind()).put("title", listing.title())
                .put("description", listing.description()).put("category", listing.category())
                .put("estimatedMinutes", listing.minutes()).put("mode", listing.mode())
                .put("expiresAt", Instant.now().plus(Duration.ofDays(90)).toString()).put("requiresVerified", false);
        if (listing.district() != null) {
            body.put("district", listing.district());
        }
        body.set("tags", strings(listing.tags()));
        String id = ServiceCalls.post(matching() + "/listings", tokenOf(listing.owner()), key("listing-" + listing.key()), body)
                .require("publishing " + listing.title()).id();
        state.put("listing." + listing.key(), id);
        wrote = true;
    }

    private LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    private void contribute(Contribution c) {
        String step = "contribution." + c.key();
        if (state.done(step)) {
            return;
        }
        String id = key(c.key());
        String logger = c.loggedByReceiver() ? c.receiver() : c.giver();
        String other = c.loggedByReceiver() ? c.giver() : c.receiver();
        ObjectNode body = object().put("id", id).put("side", c.loggedByReceiver() ? "RECEIVER" : "GIVER")
                .put("giverId", ids.get(c.giver())).put("receiverId", ids.get(c.receiver())).put("minutes", c.minutes())
                .put("happenedOn", today().minusDays(c.daysAgo()).toString()).put("kind", c.kind())
                .put("description", c.description());
        Answer logged = ServiceCalls.post(ledger() + "/contributions", tokenOf(logger), key("log-" + c.key()), body);
        if (logged.status() != 409) {
            logged.require("logging " + c.description());
        }
        switch (c.outcome()) {
            case CONFIRMED -> settled(ServiceCalls.post(ledger() + "/contributions/" + id + "/validation", tokenOf(other),
                    key("confirm-" + c.key()), object().put("note", c.note())), "confirming " + c.description());
            case DISPUTED -> settled(ServiceCalls.post(ledger() + "/contributions/" + id + "/dispute", tokenOf(other),
                    key("dispute-" + c.key()), object().put("reason", c.note())), "disputing " + c.description());
            case WAITING -> {
                // left for the other side to confirm in the portal
            }
        }
        state.markDone(step);
        wrote = true;
    }

    /** A refusal because it is already so (a load cut short between the call and the state file) is what was wanted. */
    private static void settled(Answer answer, String what) {
        if (answer.status() != 409 && answer.status() != 422) {
            answer.require(what);
        }
    }

    private void gift() {
        if (state.done("gift")) {
            return;
        }
        ObjectNode body = object().put("id", key("gift")).put("toAccountId", ids.get(DemoScript.GIFT_TO))
                .put("minutes", DemoScript.GIFT_MINUTES).put("note", DemoScript.GIFT_NOTE);
        settled(ServiceCalls.post(ledger() + "/gifts", tokenOf(DemoScript.GIFT_FROM), key("gift"), body), "the gift");
        state.markDone("gift");
        wrote = true;
    }

    private void spend() {
        if (state.done("spent")) {
            return;
        }
        ObjectNode body = object().put("id", key("spent")).put("organisationId", DemoScript.ORGANISATION_ID)
                .put("minutes", DemoScript.SPENT_MINUTES).put("offer", DemoScript.SPENT_ON);
        settled(ServiceCalls.post(ledger() + "/redemptions", tokenOf(DemoScript.SPENDER), key("spent"), body), "spending hours");
        state.markDone("spent");
        wrote = true;
    }

    /**
     * Three matches: Élodie answers Sam's need with her offer (proposed: Sam has to answer); the
     * coordinator proposes Jo for Priya's forms and both agree (agreed); Tom answers Sam's Sunday walk,
     * Sam agrees, Tom logs the walk against the match and Sam confirms it (the ledger's event completes it).
     */
    private void matches() {
        String proposed = propose("french", "french-trip", "elodie", null);
        state.put("match.proposed", proposed);

        String agreed = propose(null, "forms", DemoScript.COORDINATOR, "jo");
        answer("agreed", agreed, "jo");
        answer("agreed", agreed, "priya");

        String completed = propose("walks", "sunday-walk", "tom", null);
        answer("completed", completed, "sam");
        if (!state.done("match.completed.logged")) {
            String id = key("walk");
            ObjectNode body = object().put("id", id).put("side", "GIVER").put("giverId", ids.get("tom"))
                    .put("receiverId", ids.get("sam")).put("minutes", 60).put("happenedOn", today().toString())
                    .put("kind", "PEER_SUPPORT").put("description", "Our first Sunday walk").put("matchId", completed);
            String tom = tokenOf("tom");
            // the ledger learns of the agreement through Kafka; until then it refuses to name the match
            await("the ledger to learn of the agreed walk", () -> {
                Answer logged = ServiceCalls.post(ledger() + "/contributions", tom, null, body);
                return logged.ok() || logged.status() == 409;
            });
            settled(ServiceCalls.post(ledger() + "/contributions/" + id + "/validation", tokenOf("sam"), key("confirm-walk"),
                    object().put("note", "See you next Sunday, Tom.")), "confirming the walk");
            state.markDone("match.completed.logged");
            wrote = true;
        }
    }

    /** Proposes once (the id is kept), as {@code by}: a member answering a need with their offer, or the coordinator. */
    private String propose(String offer, String need, String by, String giver) {
        String name = offer == null ? "agreed" : offer.equals("walks") ? "completed" : "proposed";
        String kept = state.get("match." + name).orElse(null);
        if (kept != null) {
            return kept;
        }
        ObjectNode body = object().put("needListingId", state.get("listing." + need).orElseThrow());
        if (offer != null) {
            body.put("offerListingId", state.get("listing." + offer).orElseThrow());
        }
        if (giver != null) {
            body.put("giverId", ids.get(giver));
        }
        String id = ServiceCalls.post(matching() + "/matches", tokenOf(by), key("match-" + name), body)
                .require("proposing the " + name + " match").id();
        state.put("match." + name, id);
        wrote = true;
        return id;
    }

    private void answer(String match, String id, String who) {
        String step = "match." + match + ".accepted." + who;
        if (state.done(step)) {
            return;
        }
        settled(ServiceCalls.post(matching() + "/matches/" + id + "/accept", tokenOf(who), null, object()),
                who + " accepting the " + match + " match");
        state.markDone(step);
        wrote = true;
    }

    private static void await(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + EVENTS_ARRIVE.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + EVENTS_ARRIVE.toSeconds() + " s");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private static ArrayNode strings(Iterable<String> values) {
        ArrayNode array = ServiceCalls.JSON.createArrayNode();
        List<String> sorted = new ArrayList<>();
        values.forEach(sorted::add);
        sorted.stream().sorted().forEach(array::add);
        return array;
    }
}
