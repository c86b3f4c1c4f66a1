package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The coordinator's queue on the whole platform ({@code /coordinator}). A timebank of its own, so
 * its policy can send the first reminder at once (a one-day window, reminded 24 hours before the
 * deadline) and the queue holds only what this test made: a need nobody is matched with, a
 * dispute, a contribution still unconfirmed after its reminder, a new member who has not filled in
 * their profile. The coordinator sees each with the link to the page that does the next step, filters
 * and sorts (the address keeps both), follows an item by keyboard, reads the queue in French; axe on
 * every page, screenshots at 320 px and desktop; a member gets 403.
 */
class CoordinatorQueueIT {

    static Portal portal;
    final Screens screens = new Screens("coordinator-queue");

    @BeforeAll
    static void platform() throws Exception {
        portal = Portal.shared();
    }

    @Test
    void aCoordinatorSeesWhatNeedsThemEachWithItsNextStep() {
        String tb = "queue-" + Long.toString(System.nanoTime(), 36);
        portal.openTimebank(tb, "Queue Street");
        Web.Reply policy = Web.get(portal.api("ledger-service", tb) + "/policy", portal.coordinator(tb)).expect(200);
        assertThat(policy.body()).contains("zoneId");
        putPolicy(tb);

        String ali = portal.register(tb, Portal.uniqueName("Ali"), "NEIGHBOUR", "en");
        String kim = portal.register(tb, Portal.uniqueName("Kim"), "NEIGHBOUR", "en");
        Portal.Invited sam = portal.enrolThroughApis(tb, Portal.uniqueName("Sam"), "en", List.of());
        Portal.Invited cora = portal.enrolThroughApis(tb, Portal.uniqueName("Cora"), "en", List.of("COORDINATOR"));

        awaitProfile(tb, ali);
        awaitProfile(tb, kim);
        String need = Web.postJson(portal.api("matching-service", tb) + "/listings", portal.token(ali, tb),
                Web.json("kind", "NEED", "title", "Someone to walk with on Tuesdays", "category", "befriending",
                        "tags", List.of("walking"), "estimatedMinutes", 60, "mode", "IN_PERSON", "district", "M14",
                        "expiresAt", java.time.Instant.now().plus(Duration.ofDays(30)).toString())).expect(201).text("id");
        String disputed = log(tb, ali, sam.memberId(), 60, "A walk");
        Web.postJson(portal.api("ledger-service", tb) + "/contributions/" + disputed + "/dispute",
                portal.token(sam.memberId(), tb), Web.json("reason", "It was half an hour")).expect(200);
        String waiting = log(tb, ali, kim, 45, "Shopping together");

        try (Person coordinator = new Person(portal, Browser.open(screens, true), "coordinator");
             Person member = new Person(portal, Browser.open(screens, true), "member")) {
            coordinator.setUpPassword(cora.link(), new Portal.Account(cora.name(), cora.memberId(), tb, cora.email(),
                    "a quiet walk by the canal"));
            member.setUpPassword(sam.link(), new Portal.Account(sam.name(), sam.memberId(), tb, sam.email(),
                    "tea in the garden at four"));
            awaitReminder(tb);

            Browser browser = coordinator.browser;
            browser.go(portal.web + "/coordinator");
            browser.await(By.id("queue"));
            browser.look("queue");
            By toNeed = link("/coordinator/listings/" + need + "/suggestions");
            By toDispute = link("/coordinator/contributions/" + disputed);
            By toWaiting = link("/coordinator/contributions/" + waiting);
            By toNewcomer = link("/coordinator/members/" + sam.memberId());
            assertThat(browser.find(By.id("kind-needs")).getText()).contains("Someone to walk with on Tuesdays");
            assertThat(browser.find(By.id("kind-needs")).findElements(toNeed)).hasSize(1);
            assertThat(browser.find(By.id("kind-disputes")).getText()).contains(sam.name(), "1 h");
            assertThat(browser.find(By.id("kind-disputes")).findElements(toDispute)).hasSize(1);
            assertThat(browser.find(By.id("kind-waiting")).getText()).contains("45 min", "A reminder went out.");
            assertThat(browser.find(By.id("kind-waiting")).findElements(toWaiting)).hasSize(1);
            assertThat(browser.find(By.id("kind-newcomers")).getText()).contains(sam.name());
            assertThat(browser.find(By.id("kind-newcomers")).findElements(toNewcomer)).hasSize(1);
            assertThat(browser.text(By.id("count-disputes"))).isEqualTo("1");
            assertThat(browser.text(By.id("count-waiting"))).isEqualTo("1");
            assertThat(browser.text(By.id("count-needs"))).isEqualTo("1");
            assertThat(browser.html()).doesNotContain("It was half an hour");

            // filter: disputes only, kept in the address
            browser.choose("kind", "disputes");
            browser.submit(By.id("apply-filters"));
            browser.await(By.id("kind-disputes"));
            assertThat(browser.url()).contains("kind=disputes");
            assertThat(browser.has(By.id("kind-needs"))).isFalse();
            assertThat(browser.has(By.id("kind-waiting"))).isFalse();
            browser.look("queue-disputes");

            // sort: newest first puts the later of two needs first
            String later = Web.postJson(portal.api("matching-service", tb) + "/listings", portal.token(kim, tb),
                    Web.json("kind", "NEED", "title", "Help with a letter", "category", "befriending",
                            "tags", List.of("letters"), "estimatedMinutes", 30, "mode", "IN_PERSON", "district", "M14",
                            "expiresAt", java.time.Instant.now().plus(Duration.ofDays(30)).toString())).expect(201).text("id");
            assertThat(needsInOrder(browser, "oldest")).as("oldest first").containsSubsequence(need, later);
            assertThat(needsInOrder(browser, "newest")).as("newest first").containsSubsequence(later, need);
            browser.look("queue-needs-newest");

            // on a phone, and by keyboard: Tab to the dispute's next step, Enter, and the coordinator is there
            browser.onPhone();
            browser.go(portal.web + "/coordinator");
            browser.await(By.id("queue"));
            browser.look("queue-phone");
            browser.keyboard().enterOn(toDispute);
            browser.awaitUrl(portal.web + "/coordinator/contributions/" + disputed);

            // in French
            browser.go(portal.web + "/coordinator?lang=fr");
            browser.await(By.id("queue"));
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Ce qui vous attend");
            assertThat(browser.find(By.id("kind-disputes")).getText()).contains("Régler le désaccord");
            assertThat(browser.html()).doesNotContain("??");
            browser.look("queue-fr");
            browser.go(portal.web + "/coordinator?lang=en");

            // a member is refused
            member.browser.go(portal.web + "/coordinator");
            member.browser.awaitLoaded();
            assertThat(member.browser.find(By.tagName("h1")).getText()).isEqualTo("You cannot see this page");
            assertThat(Web.page(portal.web + "/coordinator", "RECIPROCITY_PORTAL=" + member.browser.cookie("RECIPROCITY_PORTAL"))
                    .status()).isEqualTo(403);
        }
    }

    private static By link(String href) {
        return By.cssSelector("a[href='" + href + "']");
    }

    /** The needs' listing ids as the page lists them in this order. */
    private static List<String> needsInOrder(Browser browser, String sort) {
        browser.go(portal.web + "/coordinator?kind=needs&sort=" + sort);
        browser.await(By.id("kind-needs"));
        return browser.all(By.cssSelector("#kind-needs li.portal-queue-item")).stream()
                .map(li -> li.getAttribute("id").substring("item-needs-".length())).toList();
    }

    private void putPolicy(String tb) {
        java.net.http.HttpRequest put = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(portal.api("ledger-service", tb) + "/policy"))
                .header("Authorization", "Bearer " + portal.coordinator(tb)).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(POLICY)).build();
        try {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(put,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A day to confirm, reminded 24 hours before the deadline: at once. */
    private static final String POLICY = "{\"zoneId\":\"Europe/London\",\"validationWindowDays\":1,\"reminderHoursBeforeDeadline\":[24],"
                + "\"memberMinimumMinutes\":-600,\"memberMaximumMinutes\":6000,\"organisationMinimumMinutes\":-60000,"
                + "\"organisationMaximumMinutes\":6000000,\"warningMarginMinutes\":120,\"logOnBehalfAllowed\":true}";

    private String log(String tb, String giver, String receiver, int minutes, String description) {
        String id = "queue-" + System.nanoTime();
        Web.postJson(portal.api("ledger-service", tb) + "/contributions", portal.token(giver, tb),
                Web.json("id", id, "side", "GIVER", "giverId", giver, "receiverId", receiver, "minutes", minutes,
                        "happenedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(), "kind", "PEER_SUPPORT",
                        "description", description)).expect(201);
        return id;
    }

    /** Matching learns of a member from the ledger's event: a listing waits for their profile. */
    private void awaitProfile(String tb, String member) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Web.get(portal.api("matching-service", tb) + "/profiles/" + member, portal.token(member, tb)).status() != 200) {
            assertThat(System.nanoTime()).as("matching never heard of " + member).isLessThan(until);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The ledger's deadline check runs every minute: until then the reminder has not gone out. */
    private void awaitReminder(String tb) {
        long until = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < until) {
            Web.Reply queue = Web.get(portal.api("ledger-service", tb) + "/coordinator/queue", portal.coordinator(tb))
                    .expect(200);
            if (queue.body().contains("\"waitingPastReminder\":{\"count\":1")) {
                return;
            }
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the ledger never reminded anyone of the waiting contribution");
    }
}
