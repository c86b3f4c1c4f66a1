package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 16, part B on the whole local platform, in headless Chromium: a coordinator finds members,
 * registers a paper-first member with their consent and logs an hour for them; settles a dispute
 * with amended minutes, by keyboard alone (both members' statements then show the amended figure);
 * records a group activity with five attendees and confirms it in one step (five transfers). Every
 * page is checked by axe-core and shot at 320 px and desktop width; one page is read in French;
 * a member who is not a coordinator gets 403 on every page. That member, named as the paper-first
 * member's supporter, logs an hour for them from their own pages (the member's statement shows it
 * once confirmed), then is refused in plain words once consent is withdrawn. Two sign-ins in all.
 */
class CoordinatorCaseworkIT {

    static final String COOKIE = "RECIPROCITY_PORTAL";
    static Portal portal;
    final Screens screens = new Screens("coordinator-casework");

    @BeforeAll
    static void platform() throws Exception {
        portal = Portal.shared();
    }

    @Test
    void aCoordinatorLooksAfterMembersAndTheirContributions() {
        String tb = Portal.TIMEBANK;
        String ledger = portal.api("ledger-service", tb);
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String aliName = Portal.uniqueName("Alina");
        String ali = portal.register(tb, aliName, "NEIGHBOUR", "en");
        String sam = portal.register(tb, Portal.uniqueName("Samir"), "NEIGHBOUR", "en");
        String bo = portal.register(tb, Portal.uniqueName("Bodil"), "NEIGHBOUR", "en");
        // Sam logs 1 h 30 min with Bo; Bo says it was not that long
        String disputed = "casework-dispute-" + System.nanoTime();
        Web.postJson(ledger + "/contributions", portal.token(sam, tb), Web.json("id", disputed, "side", "GIVER",
                "giverId", sam, "receiverId", bo, "minutes", 90, "happenedOn", today, "kind", "PEER_SUPPORT",
                "description", "A walk by the canal")).expect(201);
        Web.postJson(ledger + "/contributions/" + disputed + "/dispute", portal.token(bo, tb),
                Web.json("reason", "It was one hour, not one and a half")).expect(200);
        String college = "Casework college " + System.nanoTime();
        String organisation = portal.organisation(tb, college);
        List<String> attendeeNames = new ArrayList<>();
        List<String> attendees = new ArrayList<>();
        for (String first : List.of("Gwenda", "Hugon", "Irisa", "Judoc", "Kitty")) {
            String name = Portal.uniqueName(first);
            attendeeNames.add(name);
            attendees.add(portal.register(tb, name, "SERVICE_USER", "en"));
        }
        Portal.Invited cora = portal.enrolThroughApis(tb, Portal.uniqueName("Corinne"), "en", List.of("COORDINATOR"));
        Portal.Invited mo = portal.enrolThroughApis(tb, Portal.uniqueName("Morgan"), "en", List.of());
        String patName = Portal.uniqueName("Patrice");

        String pat;
        try (Person coordinator = new Person(portal, Browser.open(screens, true), "coordinator")) {
            coordinator.setUpPassword(cora.link(), new Portal.Account(cora.name(), cora.memberId(), tb, cora.email(),
                    "a long walk by the river " + System.nanoTime()));
            Browser b = coordinator.browser;

            // ---- members: the list, found by name
            b.go(portal.web + "/coordinator/members?name=" + aliName.split(" ")[0]);
            b.await(By.id("member-search"));
            b.look("members-found");
            assertThat(b.text(By.id("members"))).contains(aliName).contains("A neighbour or volunteer");

            // ---- a paper-first member: bad input first changes nothing, then registered with their consent
            b.click(By.id("new-member"));
            b.await(By.id("register"));
            b.look("paper-first-new");
            b.fill("name", patName).submit(By.id("register"));
            assertThat(b.errorSummary()).as("no consent written down").contains("agreed to");
            b.look("paper-first-refused");
            b.fill("name", patName).choose("kind", "SERVICE_USER").choose("language", "en")
                    .fill("contact", "Through the Tuesday group")
                    .fill("consent", "Patrice agreed that the coordinators log the hours they give and receive.");
            b.submit(By.id("register"));
            b.await(By.id("done"));
            b.look("paper-first-record");
            pat = b.url().replaceAll(".*/coordinator/members/([^?/]+).*", "$1");
            assertThat(b.text(By.id("consent"))).contains("Patrice agreed").contains("you");
            assertThat(Web.get(ledger + "/members?name=" + patName.split(" ")[0], portal.coordinator(tb)).expect(200).body())
                    .contains(pat);

            // ---- an hour logged for them, with Ali
            b.click(By.id("log-for-them"));
            b.await(By.id("log-hours"));
            b.look("log-for-them");
            b.choose("direction", "GAVE");
            chooseWhoWith(b, aliName);
            b.fill("hours", "1").fill("minutes", "0").choose("kind", "PEER_SUPPORT")
                    .fill("description", "Helped Alina with the garden");
            b.submit(By.id("log-hours"));
            b.await(By.id("done"));
            b.look("logged-for-them");
            String logged = b.find(By.id("logged-contribution")).getAttribute("href").replaceAll(".*/", "");
            Web.Reply contribution = Web.get(ledger + "/contributions/" + logged, portal.coordinator(tb)).expect(200);
            assertThat(contribution.text("giverId")).isEqualTo(pat);
            assertThat(contribution.text("receiverId")).isEqualTo(ali);
            assertThat(contribution.text("actorId")).as("recorded as logged by the coordinator").isEqualTo(cora.memberId());
            assertThat(contribution.text("onBehalfOf")).isEqualTo(pat);
            assertThat(contribution.json().path("minutes").asLong()).isEqualTo(60);
            b.go(portal.web + "/coordinator/contributions/" + logged);
            b.await(By.id("contribution"));
            b.look("logged-for-them-contribution");

            // ---- Morgan named as Pat's supporter, from Pat's record (Pat's consent is written down)
            b.go(portal.web + "/coordinator/members/" + pat);
            b.await(By.id("find-supporter"));
            By nameMorgan = By.xpath("//main//button[@name='action'][starts-with(@value, 'pick:')][contains(normalize-space(.), '"
                    + mo.name() + "')]");
            searchUntilFound(b, "supporter-search", mo.name(), By.id("find-supporter"), nameMorgan);
            b.submit(nameMorgan);
            b.await(By.id("done"));
            assertThat(b.text(By.id("supporters"))).contains(mo.name());
            b.look("supporter-named");

            // ---- the dispute, settled at one hour, by keyboard alone
            b.go(portal.web + "/coordinator/contributions/" + disputed);
            b.await(By.id("resolve"));
            b.look("dispute");
            Keyboard keys = b.keyboard();
            keys.typeInto(By.id("hours"), "1");
            keys.typeInto(By.id("minutes"), "0");
            keys.typeInto(By.id("resolve-note"), "We spoke with both of you: it was one hour.");
            WebElement resolve = keys.tabTo(By.id("resolve"));
            keys.press(org.openqa.selenium.Keys.ENTER);
            b.awaitGone(resolve);
            b.await(By.id("done"));
            b.look("dispute-settled");
            assertThat(b.text(By.id("posted"))).isEqualTo("1 h");
            for (String member : List.of(sam, bo)) {
                Web.Reply statement = Web.get(ledger + "/members/" + member + "/statement", portal.coordinator(tb)).expect(200);
                assertThat(statement.json().valueStream().filter(l -> disputed.equals(l.path("contributionId").asText()))
                        .map(l -> l.path("minutes").asLong()).toList()).as("the statement shows the amended figure")
                        .containsExactly(60L);
            }

            // ---- a group activity with five attendees, recorded and confirmed in one step
            b.go(portal.web + "/coordinator/group-activities/new");
            b.await(By.id("record-activity"));
            b.look("group-activity");
            b.fill("title", "Cooking together").choose("organisationId", organisation);
            for (String name : attendeeNames) {
                By add = By.xpath("//main//button[@name='action'][starts-with(@value, 'add:')][contains(normalize-space(.), '"
                        + name + "')]");
                searchUntilFound(b, "attendee-search", name, By.id("find-attendee"), add);
                b.submit(add);
            }
            assertThat(b.text(By.id("attendee-count"))).contains("5");
            b.look("group-activity-register");
            b.fill("hours", "1").fill("minutes", "0").choose("kind", "SOCIAL_ACTIVITY");
            b.submit(By.id("record-activity"));
            b.await(By.id("activity-confirmed"));
            b.look("group-activity-confirmed");
            assertThat(b.all(By.cssSelector("#transfers tr.transfer"))).hasSize(5);
            assertThat(b.text(By.id("transfers"))).contains(attendeeNames.get(0)).contains("Confirmed");
            for (String attendee : attendees) {
                assertThat(Web.get(ledger + "/accounts/" + attendee, portal.coordinator(tb)).expect(200)
                        .json().path("balance").asLong()).as("each attendee was credited").isEqualTo(60);
            }

            // ---- one page in French
            b.go(portal.web + "/coordinator/members/" + pat + "?lang=fr");
            b.await(By.id("log-for-them"));
            b.look("fr-paper-first-record");
            assertThat(b.find(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            assertThat(b.html()).doesNotContain("??").contains("Noter des heures pour lui");
            b.go(portal.web + "/coordinator/members?lang=en");
        }

        // ---- a member who is not a coordinator is refused every page
        try (Person member = new Person(portal, Browser.open(screens, true), "member")) {
            member.setUpPassword(mo.link(), new Portal.Account(mo.name(), mo.memberId(), tb, mo.email(),
                    "a quiet morning by the sea " + System.nanoTime()));
            String cookie = COOKIE + "=" + member.browser.cookie(COOKIE);
            for (String page : List.of("/coordinator/members", "/coordinator/members/new", "/coordinator/members/" + ali,
                    "/coordinator/members/" + ali + "/hours", "/coordinator/contributions/" + disputed,
                    "/coordinator/group-activities/new")) {
                assertThat(Web.page(portal.web + page, cookie).status()).as(page).isEqualTo(403);
            }
            member.browser.go(portal.web + "/coordinator/members");
            member.browser.await(By.tagName("h1"));
            member.browser.look("member-refused");

            // ---- Morgan, whom Pat named, logs an hour Pat gave Ali, from Morgan's own log-hours page
            Browser m = member.browser;
            m.go(portal.web + "/hours/new");
            m.await(By.id("people-you-support"));
            assertThat(m.text(By.id("people-you-support"))).as("only the people who named Morgan")
                    .contains("Log hours for " + patName).doesNotContain(aliName);
            m.look("people-you-support");
            m.click(By.id("log-for-" + pat));
            m.await(By.id("log-hours"));
            assertThat(m.text(By.tagName("h1"))).isEqualTo("Log hours for " + patName);
            m.look("supporter-log-hours");
            m.submit(By.id("log-hours"));
            assertThat(m.errorSummary()).as("nothing filled in").contains("gave or received");
            m.look("supporter-log-hours-incomplete");
            String forPat = logAnHourForPat(m, aliName, "Pat helped Alina move a sofa");
            m.await(By.id("logged"));
            assertThat(m.text(By.id("logged"))).contains("Hours logged for " + patName);
            m.look("supporter-logged");
            Web.Reply byMorgan = Web.get(ledger + "/contributions/" + forPat, portal.coordinator(tb)).expect(200);
            assertThat(byMorgan.text("giverId")).isEqualTo(pat);
            assertThat(byMorgan.text("receiverId")).isEqualTo(ali);
            assertThat(byMorgan.text("actorId")).as("recorded as logged by the supporter").isEqualTo(mo.memberId());
            assertThat(byMorgan.text("onBehalfOf")).isEqualTo(pat);
            // Ali confirms it: Pat's statement shows the hour Morgan logged
            Web.postJson(ledger + "/contributions/" + forPat + "/validation", portal.token(ali, tb),
                    Web.json("note", "Thank you, Pat")).expect(200);
            Web.Reply patsStatement = Web.get(ledger + "/members/" + pat + "/statement", portal.coordinator(tb)).expect(200);
            assertThat(patsStatement.json().valueStream().filter(l -> forPat.equals(l.path("contributionId").asText()))
                    .map(l -> l.path("minutes").asLong()).toList()).as("Pat's statement shows the hour").containsExactly(60L);

            // ---- consent withdrawn while Morgan fills the form in: the ledger's refusal, in Morgan's words
            m.click(By.id("log-more-for-them"));
            m.await(By.id("log-hours"));
            withdraw(ledger + "/members/" + pat + "/supporters/" + mo.memberId(), portal.coordinator(tb));
            logAnHourForPat(m, aliName, "Another walk");
            assertThat(m.errorSummary()).contains("You cannot add time for this person");
            m.look("supporter-refused");
            m.go(portal.web + "/hours/new");
            m.await(By.id("log-hours"));
            assertThat(m.has(By.id("people-you-support"))).as("Pat no longer listed").isFalse();
        }
        System.out.println("[casework] screenshots: " + screens.files().size() + " in " + screens.folder());
    }

    /** Fills in an hour Pat gave {@code with} and sends it; answers the contribution's id when it was logged. */
    private static String logAnHourForPat(Browser m, String with, String what) {
        m.choose("direction", "GAVE");
        chooseWhoWith(m, with);
        m.fill("hours", "1").fill("minutes", "0").choose("kind", "PRACTICAL_HELP").fill("description", what);
        m.submit(By.id("log-hours"));
        return m.has(By.id("contribution-link"))
                ? m.find(By.id("contribution-link")).getAttribute("href").replaceAll(".*/", "") : null;
    }

    /** Finds the other person by name on a log-hours form and picks them (by script, or posting back without). */
    private static void chooseWhoWith(Browser b, String name) {
        searchUntilFound(b, "counterpart-search", name, By.id("search-members"), Person.resultFor(name));
        b.find(Person.resultFor(name)).click();
        b.awaitLoaded();
        b.until(d -> b.text(By.id("counterpart-chosen")).contains(name) ? Boolean.TRUE : null,
                "waiting for " + name + " to be chosen");
    }

    /** Consent withdrawn, as a coordinator does it for the member: the ledger's DELETE of the supporter. */
    private static void withdraw(String url, String token) {
        try {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Authorization", "Bearer " + token)
                            .DELETE().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Sends the search until the person is among the results: the directory (matching-service) learns
     * of a member registered a moment ago from the ledger's event, a little later.
     */
    private static void searchUntilFound(Browser b, String field, String name, By search, By result) {
        b.untilReloading(d -> {
            try {
                b.fill(field, name);
                b.submit(search);
            } catch (org.openqa.selenium.WebDriverException pageChangedUnderfoot) {
                b.awaitLoaded();
            }
            return b.has(result) ? Boolean.TRUE : null;
        }, "waiting for " + name + " in the search results");
    }
}
