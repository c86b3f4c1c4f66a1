package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The board from publishing to hours (issue 15), in real headless Chromium on the whole local
 * platform: a member puts a need on the board, changes it, pauses it and puts it back; another
 * member, with JavaScript off on a phone, finds it with the filters (words, need, category, area,
 * time of day) and answers "I can help"; the first sees the proposal on home and says yes on
 * /matches; the giver logs the hours, picking the match they fulfil. Every page is checked by
 * axe-core and shot at 320 px and 1280 px.
 */
class PortalBoardIT {

    static Portal portal;
    final Screens screens = new Screens("portal-board");

    @BeforeAll
    static void platform() throws Exception {
        portal = Portal.shared();
    }

    @Test
    void aNeedIsPublishedChangedPausedFoundAnsweredAgreedAndItsHoursLogged() throws Exception {
        Portal.Invited askerInvite = portal.enrolThroughApis(Portal.TIMEBANK, Portal.uniqueName("Maud"), "en", List.of());
        Portal.Invited helperInvite = portal.enrolThroughApis(Portal.TIMEBANK, Portal.uniqueName("Yusuf"), "en", List.of());
        String word = "letters" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String title = "Help reading my " + word;

        try (Person asker = new Person(portal, Browser.open(screens, true), "asker");
             Person helper = new Person(portal, Browser.open(screens, false).onPhone(), "helper")) {
            asker.setUpPassword(askerInvite.link(), account(askerInvite, "a quiet morning with tea"));
            helper.setUpPassword(helperInvite.link(), account(helperInvite, "a long walk by the canal"));
            // the asker is usually free on Tuesday evenings and lets members see it (the time-of-day filter)
            shareEveningsOf(askerInvite.memberId());

            // ---- the asker puts a need on the board
            Browser a = asker.browser;
            a.go(portal.web + "/board").await(By.id("new-listing"));
            a.look("asker-board");
            a.submit(By.id("new-listing"));
            a.await(By.id("listing-form"));
            a.look("asker-new-listing");
            a.submit(By.id("save-listing"));
            assertThat(a.errorSummary()).as("an empty form is refused, field by field").isNotNull();
            a.look("asker-new-listing-errors");
            a.choose("kind", "NEED").fill("title", title)
                    .fill("description", "Some official letters came and I would like someone to read them with me.")
                    .choose("category", "admin-forms").fill("hours", "1").fill("minutes", "30")
                    .choose("mode", "IN_PERSON").fill("district", "n1").choose("accessibility", "step-free");
            a.submit(By.id("save-listing"));
            assertThat(a.errorSummary()).as("publishing the need").isNull();
            a.await(By.id("done"));
            assertThat(a.text(By.id("listing-title"))).isEqualTo(title);
            assertThat(a.text(By.id("listing-time"))).isEqualTo("1 h 30 min");
            String listing = a.url().replaceAll(".*/board/listings/([^/?#]+).*", "$1");
            a.look("asker-published");

            // ---- changes it
            a.submit(By.id("edit-listing"));
            a.await(By.id("listing-form"));
            a.look("asker-edit-listing");
            title = title + " and forms";
            a.fill("title", title).fill("hours", "2").fill("minutes", "0");
            a.submit(By.id("save-listing"));
            assertThat(a.errorSummary()).as("changing the need").isNull();
            assertThat(a.text(By.id("listing-title"))).isEqualTo(title);
            assertThat(a.text(By.id("listing-time"))).isEqualTo("2 h");

            // ---- pauses it and puts it back, from their own list
            a.go(portal.web + "/board/mine").await(By.id("pause-" + listing));
            a.look("asker-mine");
            a.submit(By.id("pause-" + listing));
            assertThat(a.text(By.id("done"))).contains("paused");
            assertThat(a.has(By.id("reopen-" + listing))).isTrue();
            a.look("asker-paused");
            a.submit(By.id("reopen-" + listing));
            assertThat(a.text(By.id("done"))).contains("back on the board");
            assertThat(a.has(By.id("pause-" + listing))).isTrue();

            // ---- the helper, JavaScript off, finds it with the filters and answers it
            Browser h = helper.browser;
            h.go(portal.web + "/board").await(By.id("board-search"));
            h.look("helper-board");
            h.fill("q", word).choose("kind", "NEED").choose("category", "admin-forms").fill("district", "N1")
                    .choose("time", "EVENING");
            h.submit(By.id("search-board"));
            By found = By.cssSelector("#listings a[href$='/board/listings/" + listing + "']");
            assertThat(h.has(found)).as("the need is found by words, kind, category, area and evenings").isTrue();
            h.look("helper-found");
            h.choose("time", "MORNING");
            h.submit(By.id("search-board"));
            assertThat(h.has(found)).as("not found in the mornings: the asker is free in the evenings").isFalse();
            h.go(portal.web + "/board?kind=NEED&q=" + word + "&time=EVENING").await(found);
            h.submit(found);
            h.await(By.id("answer"));
            assertThat(h.text(By.id("listing-owner"))).isEqualTo(askerInvite.name());
            h.look("helper-listing");
            h.submit(By.id("answer"));
            assertThat(h.errorSummary()).as("answering the need").isNull();
            h.await(By.id("asked-matches"));
            assertThat(h.text(By.id("asked-matches"))).contains(title).contains(askerInvite.name());
            h.look("helper-matches-asked");

            // ---- the asker sees it waiting on home and says yes on /matches
            a.go(portal.web + "/").await(By.id("balance"));
            By proposal = By.cssSelector("#waiting-matches a");
            a.untilReloading(d -> {
                d.navigate().refresh();
                return a.has(proposal) ? Boolean.TRUE : null;
            }, "waiting for the proposal on home");
            assertThat(a.text(By.id("waiting-matches"))).contains(helperInvite.name()).contains(title);
            a.look("asker-home-proposal");
            a.submit(proposal);
            a.await(By.id("waiting-matches"));
            a.look("asker-matches-waiting");
            a.submit(By.cssSelector("#waiting-matches button[id^='accept-']"));
            assertThat(a.errorSummary()).as("accepting the match").isNull();
            assertThat(a.text(By.id("agreed-matches"))).contains(title).contains(helperInvite.name() + " helps you");
            a.look("asker-matches-agreed");

            // ---- the helper logs the hours, picking the match
            h.go(portal.web + "/matches").await(By.id("agreed-matches"));
            assertThat(h.text(By.id("agreed-matches"))).contains(title).contains("You help " + askerInvite.name());
            h.look("helper-matches-agreed");
            h.go(portal.web + "/hours/new").await(By.id("agreed-matches"));
            h.look("helper-log-hours-with-a-match");
            h.choose("direction", "GAVE").chooseLabelled("matchId", title).fill("hours", "2").fill("minutes", "0");
            h.chooseFirst("kind");
            h.fill("description", "We read the letters and filled in a form");
            h.submit(By.id("log-hours"));
            assertThat(h.errorSummary()).as("logging the hours for the match").isNull();
            h.await(By.id("logged"));
            h.look("helper-logged");
        }
    }

    /** The member's profile through matching's API (the portal's profile page only reads it today). */
    private static void shareEveningsOf(String memberId) throws Exception {
        String body = "{\"availability\":[\"TUESDAY_EVENING\"],\"district\":\"N1\",\"modes\":[\"IN_PERSON\"],"
                + "\"sharedWithMembers\":[\"availability\"]}";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(portal.api("matching-service", Portal.TIMEBANK) + "/profiles/" + memberId))
                .header("Authorization", "Bearer " + portal.token(memberId, Portal.TIMEBANK))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static Portal.Account account(Portal.Invited invited, String password) {
        return new Portal.Account(invited.name(), invited.memberId(), invited.timebank(), invited.email(), password);
    }
}
