package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 18, in real headless Chromium without JavaScript (at a phone's 320 px) on the whole local
 * platform: a member finds "Your data" from her profile and answers the four consent questions, each
 * then saying when and how. Her supporter logs hours for her while she allows it and is refused the
 * next time, once she withdraws; her accessibility needs, shared before consents existed, are hidden
 * from another member once she says no. axe-core checks every page; each is shot at both widths.
 */
class PersonalDataConsentIT {

    static Portal portal;

    @BeforeAll
    static void platform() throws Exception {
        portal = Portal.shared();
    }

    @Test
    void aMemberGivesAndWithdrawsHerConsentsAndTheyCountEverywhere() {
        Screens screens = new Screens("personal-data-consents");
        Portal.Invited ana = portal.enrolThroughApis(Portal.TIMEBANK, Portal.uniqueName("Ana"), "en", List.of());
        String sol = portal.register(Portal.TIMEBANK, Portal.uniqueName("Sol"), "CARER", "en");
        String bea = portal.register(Portal.TIMEBANK, Portal.uniqueName("Bea"), "NEIGHBOUR", "en");
        String anaToken = portal.token(ana.memberId(), Portal.TIMEBANK);
        String ledger = portal.api("ledger-service", Portal.TIMEBANK);
        String profile = portal.api("matching-service", Portal.TIMEBANK) + "/profiles/" + ana.memberId();
        Web.postJson(ledger + "/members/" + ana.memberId() + "/supporters", anaToken, Web.json("supporterId", sol))
                .expect(204);
        // her needs, shared with members the way the profile page did before consents were asked
        await().atMost(Duration.ofSeconds(60)).until(() -> Web.get(profile, anaToken).status() == 200);
        Web.putJson(profile, anaToken, Map.of("accessibilityNeeds", List.of("step-free access"),
                "sharedWithMembers", List.of("accessibilityNeeds"))).expect(200);
        assertThat(Web.get(profile, portal.token(bea, Portal.TIMEBANK)).expect(200).json().has("accessibilityNeeds"))
                .as("not asked yet: what she shared before holds").isTrue();

        try (Person member = new Person(portal, Browser.open(screens, false).onPhone(), "member")) {
            Browser b = member.browser;
            member.setUpPassword(ana.link(), new Portal.Account(ana.name(), ana.memberId(), Portal.TIMEBANK, ana.email(),
                    "a long walk by the river"));

            b.go(portal.web + "/profile");
            b.submit(By.id("my-data-link"));
            b.await(By.id("consents-link"));
            b.look("my-data");
            b.submit(By.id("consents-link"));
            b.await(By.id("save-consents"));
            assertThat(b.text(By.id("consents"))).contains("May your supporters log hours for you?",
                    "You have not chosen yet.");
            b.look("consents-not-asked");

            b.choose("SUPPORTER_MAY_LOG", "yes").choose("SHOW_ACCESSIBILITY_TO_MATCHES", "no").choose("EMAIL_ME", "yes");
            b.submit(By.id("save-consents"));
            b.await(By.id("done"));
            assertThat(b.errorSummary()).isNull();
            assertThat(b.text(By.id("consent-SUPPORTER_MAY_LOG"))).contains("Saved on", ", on this page");
            assertThat(b.text(By.id("consent-SHARE_CONTRIBUTION_RECORD"))).contains("You have not chosen yet.");
            b.look("consents-saved");

            Web.Reply whileAllowed = Web.postJson(ledger + "/contributions", portal.token(sol, Portal.TIMEBANK),
                    logFor(ana.memberId(), bea));
            assertThat(whileAllowed.status()).as(whileAllowed.body()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(60)).until(() -> !Web.get(profile, portal.token(bea, Portal.TIMEBANK))
                    .expect(200).json().has("accessibilityNeeds"));

            b.choose("SUPPORTER_MAY_LOG", "no");
            b.submit(By.id("save-consents"));
            b.await(By.id("done"));
            b.look("consents-withdrawn");
        }
        Web.Reply afterwards = Web.postJson(ledger + "/contributions", portal.token(sol, Portal.TIMEBANK),
                logFor(ana.memberId(), bea));
        assertThat(afterwards.status()).isEqualTo(403);
        assertThat(afterwards.text("code")).isEqualTo("supporter-not-allowed");
        assertThat(Web.get(profile, anaToken).expect(200).json().path("accessibilityNeeds").toString())
                .as("she still sees her own").contains("step-free");
    }

    private static Map<String, Object> logFor(String member, String other) {
        return Map.of("side", "GIVER", "giverId", member, "receiverId", other, "minutes", 30,
                "happenedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(), "kind", "PEER_SUPPORT",
                "description", "A walk and a talk");
    }
}
