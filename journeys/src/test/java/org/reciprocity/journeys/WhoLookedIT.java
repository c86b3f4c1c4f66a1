package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 18, "who looked", on the whole local platform with JavaScript off: a coordinator opens a
 * member's record, says why they are looking (a support request) and opens it again; the member
 * signs in and reads on their "who looked" page that the coordinator looked at their record, when
 * and why, in English and in French. Each page is checked by axe-core and shot. Two sign-ins.
 */
class WhoLookedIT {

    static Portal portal;
    final Screens screens = new Screens("who-looked");

    @BeforeAll
    static void platform() throws Exception {
        portal = Portal.shared();
    }

    @Test
    void aMemberSeesWhichCoordinatorLookedAtTheirDetailsAndWhy() {
        String tb = Portal.TIMEBANK;
        Portal.Invited cora = portal.enrolThroughApis(tb, Portal.uniqueName("Coralie"), "en", List.of("COORDINATOR"));
        Portal.Invited mo = portal.enrolThroughApis(tb, Portal.uniqueName("Maelle"), "en", List.of());

        try (Person coordinator = new Person(portal, Browser.open(screens, false), "coordinator")) {
            coordinator.setUpPassword(cora.link(), new Portal.Account(cora.name(), cora.memberId(), tb, cora.email(),
                    "a long walk by the river " + System.nanoTime()));
            Browser b = coordinator.browser;
            b.go(portal.web + "/coordinator/members/" + mo.memberId());
            b.await(By.id("read-reason"));
            assertThat(b.text(By.id("read-reason"))).contains("Tell them why you are looking");

            b.click(By.id("give-read-reason"));
            b.await(By.id("give-reason"));
            b.submit(By.id("give-reason"));
            assertThat(b.errorSummary()).as("no reason chosen").contains("Choose why you are looking");
            b.look("why-refused");
            b.choose("reason", "SUPPORT_REQUEST").submit(By.id("give-reason"));
            b.await(By.id("read-reason"));
            assertThat(b.url()).contains("/coordinator/members/" + mo.memberId());
            assertThat(b.text(By.id("read-reason"))).contains("You are looking because: a support request.");
            b.look("record-with-reason");
        }

        try (Person member = new Person(portal, Browser.open(screens, false), "member")) {
            member.setUpPassword(mo.link(), new Portal.Account(mo.name(), mo.memberId(), tb, mo.email(),
                    "a quiet morning by the sea " + System.nanoTime()));
            Browser m = member.browser;
            m.go(portal.web + "/my-data/who-looked");
            m.await(By.id("looked"));
            String looks = m.text(By.id("looked"));
            assertThat(looks).contains(cora.name() + " (coordinator) looked at your ").contains("your record")
                    .contains("because: a support request.")
                    .as("the first look, before the reason was chosen").contains("They did not say why.");
            assertThat(m.has(By.id("looked-partly"))).as("every service answered").isFalse();
            m.look("who-looked");

            m.go(portal.web + "/my-data/who-looked?lang=fr");
            m.await(By.id("looked"));
            assertThat(m.text(By.id("looked"))).contains(cora.name() + " (coordination) a consulté ").contains("votre dossier")
                    .containsPattern("Raison[\\s\u00a0]: une demande d’aide\\.");
            m.look("who-looked-fr");
            m.go(portal.web + "/my-data/who-looked?lang=en");
        }
    }
}
