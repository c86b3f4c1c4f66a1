package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Matching for coordinators (issue 16), in real headless Chromium on the whole local platform: a
 * coordinator opens a need's suggestions (and sees who is not suggested and why: a paused helper),
 * proposes the suggested offer by keyboard alone, both members say yes in their own sessions and the
 * coordinator's list of the timebank's matches shows it agreed (in French too). Then the coordinator
 * runs the planner over generated needs and offers, keeps two of its proposals, drops the rest and
 * sends them, and the two members find them on their /matches. A member who is not a coordinator gets
 * 403 on every page. Every page is checked by axe-core and shot at 320 px and 1280 px.
 */
class CoordinatorMatchingIT {

    static final String COOKIE = "RECIPROCITY_PORTAL";
    static Portal portal;
    final Screens screens = new Screens("coordinator-matching");

    @BeforeAll
    static void platform() throws Exception {
        portal = Portal.shared();
    }

    @Test
    void aCoordinatorProposesASuggestedMatchBothSayYesThenPlansAndSendsTwoProposals() throws Exception {
        String nonce = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Portal.Invited coordinatorInvite = portal.enrolThroughApis(Portal.TIMEBANK, Portal.uniqueName("Cora"), "en",
                List.of("COORDINATOR"));
        Portal.Invited askerInvite = portal.enrolThroughApis(Portal.TIMEBANK, Portal.uniqueName("Sam"), "en", List.of());
        Portal.Invited helperInvite = portal.enrolThroughApis(Portal.TIMEBANK, Portal.uniqueName("Ali"), "en", List.of());
        String pausedName = Portal.uniqueName("Noor");
        String paused = portal.register(Portal.TIMEBANK, pausedName, "NEIGHBOUR", "en");

        String needTitle = "Someone to walk my dog " + nonce;
        String need = publish(askerInvite.memberId(), "NEED", needTitle, "pet-care", "dogs" + nonce);
        String offer = publish(helperInvite.memberId(), "OFFER", "Dog walks " + nonce, "pet-care", "dogs" + nonce);
        publish(paused, "OFFER", "Dog walking on Sundays " + nonce, "pet-care", "dogs" + nonce);
        Web.postJson(portal.api("matching-service", Portal.TIMEBANK) + "/profiles/" + paused + "/pause",
                portal.token(paused, Portal.TIMEBANK), Map.of()).expect(200);

        try (Person coordinator = new Person(portal, Browser.open(screens, true), "coordinator")) {
            coordinator.setUpPassword(coordinatorInvite.link(), account(coordinatorInvite, "a bright kite " + nonce));
            Browser c = coordinator.browser;

            // ---- from the queue: the need, newest first among those with no match, and its "find a match"
            c.go(portal.web + "/coordinator?kind=needs&sort=newest")
                    .await(By.cssSelector("a[href='/coordinator/listings/" + need + "/suggestions']"));
            c.look("queue-need");
            c.click(By.cssSelector("a[href='/coordinator/listings/" + need + "/suggestions']"));
            // ---- the need's suggestions: the offer with its reasons, and the paused helper left out, with why
            c.await(By.id("suggestions"));
            assertThat(c.text(By.id("listing-title"))).isEqualTo(needTitle);
            assertThat(c.text(By.id("suggestions"))).contains(helperInvite.name()).contains("Dog walks " + nonce);
            assertThat(c.text(By.id("not-suggested"))).contains(pausedName).contains("paused");
            c.look("suggestions");

            // ---- proposed by keyboard alone
            c.keyboard().enterOn(By.id("propose-" + offer));
            c.await(By.id("done"));
            // the proposal, among those waiting for an answer: its card is #match-{id}
            String match = c.all(By.cssSelector(".govuk-summary-card[id^='match-']")).stream()
                    .filter(card -> card.getText().contains(needTitle)).findFirst()
                    .orElseThrow(() -> new AssertionError("the proposal is not among the matches waiting for an answer"))
                    .getAttribute("id").replace("match-", "");
            assertThat(c.text(By.id("match-" + match))).contains(helperInvite.name() + " helps " + askerInvite.name())
                    .contains(coordinatorInvite.name());
            c.look("matches-proposed");

            // ---- both members say yes, each in their own session
            for (Portal.Invited side : List.of(helperInvite, askerInvite)) {
                try (Person member = new Person(portal, Browser.open(screens, true), "member")) {
                    member.setUpPassword(side.link(), account(side, "a slow river " + nonce));
                    Browser m = member.browser;
                    m.go(portal.web + "/matches").await(By.id("waiting-matches"));
                    By accept = By.id("accept-" + match);
                    m.untilReloading(d -> {
                        d.navigate().refresh();
                        return m.has(accept) ? Boolean.TRUE : null;
                    }, "the proposal on " + side.name() + "'s matches");
                    m.look("member-matches-proposed");
                    m.submit(accept);
                    assertThat(m.errorSummary()).as(side.name() + " says yes").isNull();
                    if (side == askerInvite) {
                        // a member is not a coordinator: every coordinator page is refused
                        String cookie = COOKIE + "=" + m.cookie(COOKIE);
                        for (String page : List.of("/coordinator/listings/" + need + "/suggestions", "/coordinator/matches",
                                "/coordinator/plans/new", "/coordinator/plans/nothing")) {
                            assertThat(Web.page(portal.web + page, cookie).status()).as(page).isEqualTo(403);
                        }
                        m.go(portal.web + "/coordinator/matches");
                        m.look("member-refused");
                    }
                }
            }

            c.go(portal.web + "/coordinator/matches?state=agreed").await(By.id("state-heading"));
            assertThat(c.text(By.id("status-" + match))).isEqualTo("Agreed");
            c.look("matches-agreed");
            c.go(portal.web + "/coordinator/matches?state=agreed&lang=fr").await(By.id("status-" + match));
            assertThat(c.text(By.id("status-" + match))).isEqualTo("Acceptée");
            assertThat(c.find(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            c.look("matches-agreed-fr");
            c.go(portal.web + "/coordinator/matches?lang=en").await(By.id("state-heading"));

            // ---- the planner over generated needs and offers: two kept, the rest dropped
            Portal.Invited firstInvite = portal.enrolThroughApis(Portal.TIMEBANK, Portal.uniqueName("Lena"), "en", List.of());
            Portal.Invited secondInvite = portal.enrolThroughApis(Portal.TIMEBANK, Portal.uniqueName("Omar"), "en", List.of());
            String firstHelper = portal.register(Portal.TIMEBANK, Portal.uniqueName("Rita"), "NEIGHBOUR", "en");
            String secondAsker = portal.register(Portal.TIMEBANK, Portal.uniqueName("Tom"), "NEIGHBOUR", "en");
            String firstNeed = "Piano practice together " + nonce;
            String secondNeed = "Practise my French " + nonce;
            publish(firstInvite.memberId(), "NEED", firstNeed, "music", "piano" + nonce);
            publish(firstHelper, "OFFER", "Piano lessons " + nonce, "music", "piano" + nonce);
            publish(secondAsker, "NEED", secondNeed, "language-practice", "french" + nonce);
            publish(secondInvite.memberId(), "OFFER", "French conversation " + nonce, "language-practice", "french" + nonce);
            // a third pair the coordinator drops
            String droppedAsker = portal.register(Portal.TIMEBANK, Portal.uniqueName("Uma"), "NEIGHBOUR", "en");
            String droppedNeed = "Tidy my garden " + nonce;
            publish(droppedAsker, "NEED", droppedNeed, "gardening", "garden" + nonce);
            publish(portal.register(Portal.TIMEBANK, Portal.uniqueName("Vic"), "NEIGHBOUR", "en"), "OFFER",
                    "Garden help " + nonce, "gardening", "garden" + nonce);

            c.go(portal.web + "/coordinator/plans/new").await(By.id("run-planner"));
            c.look("plan-new");
            c.submit(By.id("run-planner"));
            c.await(By.id("proposals"));
            c.look("plan");
            int kept = 0;
            int dropped = 0;
            for (WebElement row : c.all(By.cssSelector("#proposals tbody tr"))) {
                String index = row.getAttribute("id").replace("proposal-", "");
                WebElement box = c.find(By.id("keep-" + index));
                boolean ours = row.getText().contains(firstNeed) || row.getText().contains(secondNeed);
                if (ours) {
                    kept++;
                }
                if (!ours && box.isSelected()) {
                    c.click(By.cssSelector("label[for='keep-" + index + "']"));
                    dropped++;
                }
            }
            assertThat(kept).as("the planner proposed both generated needs").isEqualTo(2);
            assertThat(dropped).as("the rest, the garden among them, dropped").isGreaterThanOrEqualTo(1);
            c.look("plan-two-kept");
            c.submit(By.id("send-kept"));
            assertThat(c.errorSummary()).as("sending the kept proposals").isNull();
            assertThat(c.text(By.id("done"))).contains("2 proposals sent");
            c.look("plan-sent");
            String sentUrl = c.url();

            // sending again sends nothing twice: the review no longer offers it, and matching refuses it
            String plan = sentUrl.replaceAll(".*/coordinator/plans/([^/?#]+).*", "$1");
            c.go(portal.web + "/coordinator/plans/" + plan).await(By.id("plan-was-sent"));
            assertThat(c.has(By.id("send-kept"))).as("a sent plan offers no sending").isFalse();
            Web.Reply again = Web.postJson(portal.api("matching-service", Portal.TIMEBANK) + "/coordinator/plans/" + plan
                    + "/send", portal.token(coordinatorInvite.memberId(), Portal.TIMEBANK, "COORDINATOR"),
                    Map.of("keep", List.of(0)));
            assertThat(again.status()).as(again.body()).isEqualTo(422);
            assertThat(again.text("code")).isEqualTo("plan-already-sent");
            Web.Reply droppedMatches = Web.get(portal.api("matching-service", Portal.TIMEBANK) + "/members/" + droppedAsker
                    + "/matches", portal.token(coordinatorInvite.memberId(), Portal.TIMEBANK, "COORDINATOR")).expect(200);
            assertThat(droppedMatches.body()).as("a dropped proposal is not sent").doesNotContain(droppedNeed);

            // ---- the two members find them on their /matches
            for (Portal.Invited side : List.of(firstInvite, secondInvite)) {
                try (Person member = new Person(portal, Browser.open(screens, true), "planned")) {
                    member.setUpPassword(side.link(), account(side, "a green hill " + nonce));
                    Browser m = member.browser;
                    String expected = side == firstInvite ? firstNeed : secondNeed;
                    m.go(portal.web + "/matches").await(By.id("waiting-matches"));
                    m.untilReloading(d -> {
                        d.navigate().refresh();
                        return m.text(By.id("waiting-matches")).contains(expected) ? Boolean.TRUE : null;
                    }, "the planned match on " + side.name() + "'s matches");
                    m.look("planned-matches");
                }
            }
        }
    }

    /** A listing through matching's API, once the member's profile exists there (made from the ledger's event). */
    private static String publish(String owner, String kind, String title, String category, String tag) {
        Map<String, Object> body = Map.of("kind", kind, "title", title, "category", category, "tags", List.of(tag),
                "estimatedMinutes", 60, "mode", "IN_PERSON", "district", "N1",
                "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Web.Reply reply = Web.postJson(portal.api("matching-service", Portal.TIMEBANK) + "/listings",
                    portal.token(owner, Portal.TIMEBANK), body);
            if (reply.status() == 201 || System.nanoTime() > deadline) {
                return reply.expect(201).text("id");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Portal.Account account(Portal.Invited invited, String password) {
        return new Portal.Account(invited.name(), invited.memberId(), invited.timebank(), invited.email(), password);
    }
}
