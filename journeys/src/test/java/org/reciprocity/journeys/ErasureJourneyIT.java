package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 18, erasure, on the whole local platform: a member who gave an admin an hour (confirmed, so
 * nothing is left open) asks from "Your data" to delete her data, with JavaScript off. The admin finds
 * her among the members who asked, cannot erase with one click (the box must be ticked), erases, and
 * clicks "Check again" until the five services have each confirmed. Then the admin's own statement
 * and the contribution's page name her "a former member", and her name is nowhere on them. Before
 * asking, she downloads her data (one ZIP from the five services). Every page
 * is checked by axe-core and shot at 320 px and 1280 px. Two sign-ins: the member and the admin.
 */
class ErasureJourneyIT {

    static Portal portal;
    final Screens screens = new Screens("erasure");

    @BeforeAll
    static void platform() throws Exception {
        portal = Portal.shared();
    }

    @Test
    void aMemberAsksAnAdminErasesEveryServiceConfirmsAndTheOtherPartySeesAFormerMember() {
        String tb = Portal.TIMEBANK;
        Portal.Invited ada = portal.enrolThroughApis(tb, Portal.uniqueName("Adelaide"), "en", List.of("ADMIN"));
        Portal.Invited eri = portal.enrolThroughApis(tb, Portal.uniqueName("Erin"), "en", List.of());
        String contribution = "erasure-" + System.nanoTime();
        String ledger = portal.api("ledger-service", tb);
        Web.postJson(ledger + "/contributions", portal.token(eri.memberId(), tb),
                Web.json("id", contribution, "side", "GIVER", "giverId", eri.memberId(), "receiverId", ada.memberId(),
                        "minutes", 60, "happenedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(),
                        "kind", "PEER_SUPPORT", "description", "A walk by the river with Erin")).expect(201);
        Web.postJson(ledger + "/contributions/" + contribution + "/validation", portal.token(ada.memberId(), tb),
                Web.json("note", "Thank you")).expect(200);

        try (Person member = new Person(portal, Browser.open(screens, false), "member")) {
            member.setUpPassword(eri.link(), new Portal.Account(eri.name(), eri.memberId(), tb, eri.email(),
                    "a long walk by the river " + System.nanoTime()));
            Browser m = member.browser;
            m.go(portal.web + "/my-data");
            m.await(By.id("erasure-link"));
            m.look("my-data");
            // her copy first: one ZIP from the five services (a part not there yet is named on the page)
            m.click(By.id("export-link"));
            m.await(By.id("build-export"));
            m.look("export");
            m.submit(By.id("build-export"));
            // the file is made in the background: the page says how far it got; without JavaScript she
            // follows "Check again" until it is there
            m.untilReloading(d -> {
                if (!d.findElements(By.cssSelector("#export-ready, #export-missing")).isEmpty()) {
                    return Boolean.TRUE;
                }
                d.findElement(By.id("export-check")).click();
                return null;
            }, "waiting for her file to be ready");
            // a service without its personal-data read yet is named, and does not stop her asking for erasure
            assertThat(m.has(By.id("download-export"))).as("a file whenever some part was read")
                    .isEqualTo(m.has(By.id("export-parts")));
            m.look("export-ready");
            m.go(portal.web + "/my-data");
            m.await(By.id("erasure-link"));
            m.click(By.id("erasure-link"));
            m.await(By.id("ask-erasure"));
            assertThat(m.text(By.id("erasure-what"))).contains("We remove your name, your e-mail and what you wrote.")
                    .contains("You will not be able to sign in again.");
            m.look("erasure");
            m.submit(By.id("ask-erasure"));
            assertThat(m.errorSummary()).as("one click does not ask").contains("Tick the box");
            m.look("erasure-not-ticked");
            m.choose("understood", "yes").submit(By.id("ask-erasure"));
            m.await(By.id("erasure-sent"));
            assertThat(m.text(By.id("erasure-sent"))).contains("Your request was sent");
            m.look("erasure-sent");
            m.go(portal.web + "/my-data/erasure");
            m.await(By.id("erasure-asked"));
            assertThat(m.text(By.id("erasure-asked"))).startsWith("You asked on ");
            assertThat(m.has(By.id("ask-erasure"))).as("asked already: no second request").isFalse();
            m.look("erasure-asked");
        }

        try (Person admin = new Person(portal, Browser.open(screens, true), "admin")) {
            admin.setUpPassword(ada.link(), new Portal.Account(ada.name(), ada.memberId(), tb, ada.email(),
                    "a quiet morning by the sea " + System.nanoTime()));
            Browser b = admin.browser;
            b.go(portal.web + "/statement");
            b.await(By.id("statement-table"));
            assertThat(b.text(By.id("statement-table"))).as("before: the giver by name").contains(eri.name());

            b.go(portal.web + "/admin");
            b.click(By.id("to-erasures"));
            b.await(By.id("erasures"));
            assertThat(b.text(By.id("erasure-of-" + eri.memberId()))).isEqualTo(eri.name());
            b.look("erasures");
            b.click(By.id("erasure-of-" + eri.memberId()));
            b.await(By.id("erase-member"));
            assertThat(b.text(By.id("erasure-name"))).isEqualTo(eri.name());
            b.look("erase-member");
            b.submit(By.id("erase-member"));
            assertThat(b.errorSummary()).as("one click cannot erase").contains("Tick the box to say you are sure.");
            b.look("erase-member-not-ticked");
            b.choose("sure", "yes").submit(By.id("erase-member"));
            b.await(By.id("erasure-status"));
            assertThat(b.errorSummary()).isNull();
            b.look("erasure-status");

            // each service confirms on its own: look again until all five have (a condition, not a time)
            // (htmx refreshes the table every 5 s too: a click on a link it just replaced is tried again)
            await("all five services confirm").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptions().until(() -> {
                if (b.has(By.id("erasure-done"))) {
                    return true;
                }
                b.click(By.id("check-again"));
                b.await(By.id("erasure-status"));
                return b.has(By.id("erasure-done"));
            });
            String status = b.text(By.id("erasure-status"));
            assertThat(status.split("Confirmed", -1)).as(status).hasSize(6);
            assertThat(status).doesNotContain("Waiting");
            assertThat(b.text(By.id("erasure-name"))).isEqualTo("A former member");
            b.look("erasure-done");

            b.go(portal.web + "/statement");
            b.await(By.id("statement-table"));
            assertThat(b.text(By.id("statement-table"))).containsIgnoringCase("a former member").doesNotContain(eri.name());
            assertThat(b.text()).doesNotContain(eri.name()).doesNotContain("Erin");
            b.look("statement-after");
            b.go(portal.web + "/contributions/" + contribution);
            b.await(By.id("giver"));
            assertThat(b.text(By.id("giver"))).isEqualTo("a former member");
            assertThat(b.text()).doesNotContain(eri.name()).doesNotContain("with Erin");
            b.look("contribution-after");
        }
    }
}
