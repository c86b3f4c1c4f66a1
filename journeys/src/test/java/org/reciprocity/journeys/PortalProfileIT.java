package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A member's own settings, in real headless Chromium on the whole local platform: she edits her profile
 * (a mistake first, shown back with nothing changed) and shares only her area, which is all another member
 * then sees of it beyond her skills and languages; she turns e-mail off for thank-yous and sets quiet hours;
 * she switches to French, and the choice holds when she signs in again in another browser; she names a
 * supporter found by name and withdraws her consent; she marks a message in her inbox read. The language and
 * the inbox by keyboard alone (Tab, an arrow, Enter). Once with
 * JavaScript and once without (at a phone's 320 px). Every page is checked by axe-core and shot at both widths.
 */
class PortalProfileIT {

    static Portal portal;

    @BeforeAll
    static void platform() throws Exception {
        portal = Portal.shared();
    }

    @Test
    void aMemberKeepsHerProfileSettingsLanguageAndSupporters() {
        settings(true);
    }

    @Test
    void theSameWithoutJavaScript() {
        settings(false);
    }

    private void settings(boolean javaScript) {
        Screens screens = new Screens(javaScript ? "portal-profile" : "portal-profile-without-javascript");
        Portal.Invited ana = portal.enrolThroughApis(Portal.TIMEBANK, Portal.uniqueName(javaScript ? "Ana" : "Ada"), "en", List.of());
        String otherName = Portal.uniqueName(javaScript ? "Bea" : "Bob");
        String other = portal.register(Portal.TIMEBANK, otherName, "NEIGHBOUR", "en");
        String supporterName = Portal.uniqueName(javaScript ? "Sol" : "Sue");
        String supporter = portal.register(Portal.TIMEBANK, supporterName, "CARER", "en");
        Portal.Account account = new Portal.Account(ana.name(), ana.memberId(), Portal.TIMEBANK, ana.email(),
                "a quiet walk by the canal");
        String anaToken = portal.token(ana.memberId(), Portal.TIMEBANK);
        String profileApi = portal.api("matching-service", Portal.TIMEBANK) + "/profiles/" + ana.memberId();

        try (Person member = new Person(portal, browser(screens, javaScript), "member")) {
            Browser b = member.browser;
            member.setUpPassword(ana.link(), account);

            // her profile: a mistake first, shown back, and nothing changed
            b.go(portal.web + "/profile");
            b.await(By.id("profile"));
            b.look("member-profile");
            b.submit(By.id("edit-profile"));
            b.await(By.id("save-profile"));
            b.look("member-edit-profile");
            tick(b, "skill-gardening");
            tick(b, "skill-cooking");
            b.fill("tags", "Dog walking, knitting");
            tick(b, "speaks-fr");
            tick(b, "slot-TUESDAY_AFTERNOON");
            tick(b, "slot-SATURDAY_MORNING");
            tick(b, "mode-REMOTE");
            b.fill("accessibilityNeeds", "quiet place, step-free access");
            tick(b, "shared"); // the first thing to share: my area
            b.fill("district", "12 High Street");
            b.submit(By.id("save-profile"));
            assertThat(b.errorSummary()).as("an address instead of an area").contains("postcode");
            assertThat(b.find(By.id("tags")).getAttribute("value")).as("what she typed is kept").contains("knitting");
            b.look("member-edit-profile-error");
            assertThat(Web.get(profileApi, anaToken).expect(200).json().path("skills").size())
                    .as("nothing saved from a form with a mistake").isZero();
            b.fill("district", "n1");
            b.submit(By.id("save-profile"));
            b.await(By.id("done"));
            assertThat(b.errorSummary()).as("saving the profile").isNull();
            assertThat(b.text(By.id("profile"))).contains("Gardening", "Cooking", "dog walking", "Tuesday afternoon",
                    "Saturday morning", "N1", "quiet place");
            assertThat(b.text(By.id("shared"))).contains("My area");
            b.look("member-profile-saved");

            // another member sees her skills, languages and area: not when she is free, nor her needs
            JsonNode seen = Web.get(profileApi, portal.token(other, Portal.TIMEBANK)).expect(200).json();
            assertThat(seen.path("district").asText()).isEqualTo("N1");
            assertThat(seen.path("skills").toString()).contains("gardening");
            assertThat(seen.has("availability")).as("when she is free, not shared").isFalse();
            assertThat(seen.has("accessibilityNeeds")).as("her accessibility needs, not shared").isFalse();
            assertThat(seen.has("modes")).as("how she meets, not shared").isFalse();

            // how she is told: no e-mail for thank-yous, quiet hours at night
            b.go(portal.web + "/profile");
            b.submit(By.id("notification-settings"));
            b.await(By.id("save-notifications"));
            b.look("member-notifications");
            untick(b, "email-THANK_YOU");
            b.choose("quiet", "some");
            b.fill("quietStart", "22:00").fill("quietEnd", "7:00");
            b.submit(By.id("save-notifications"));
            b.await(By.id("done"));
            assertThat(b.errorSummary()).as("saving how she is told").isNull();
            b.look("member-notifications-saved");
            JsonNode preferences = Web.get(portal.api("notification-service", Portal.TIMEBANK) + "/preferences", anaToken)
                    .expect(200).json();
            assertThat(preferences.path("channels").path("THANK_YOU").toString()).isEqualTo("[\"INBOX\"]");
            assertThat(preferences.path("channels").path("WELCOME").toString()).contains("EMAIL");
            assertThat(preferences.path("quietHours").path("start").asText()).isEqualTo("22:00");
            assertThat(preferences.path("quietHours").path("end").asText()).isEqualTo("07:00");

            // French, saved
            b.go(portal.web + "/profile");
            b.submit(By.id("language-settings"));
            b.await(By.id("save-language"));
            b.look("member-language");
            // by keyboard alone: Tab to the chosen language, an arrow to French, Enter on the button
            Keyboard keys = b.keyboard();
            keys.tabTo(By.cssSelector("input[name='language']:checked"));
            keys.press(org.openqa.selenium.Keys.ARROW_DOWN);
            assertThat(b.find(By.id("language-choice-fr")).isSelected()).as("French chosen by an arrow key").isTrue();
            WebElement languagePage = b.find(By.id("save-language"));
            keys.enterOn(By.id("save-language"));
            b.awaitGone(languagePage);
            b.await(By.id("done"));
            assertThat(b.find(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            b.look("member-language-saved");
            member.signOut();
        }

        // signing in again on another device (a fresh browser, no cookie): the portal speaks French
        try (Person member = new Person(portal, browser(screens, javaScript), "member-again")) {
            Browser b = member.browser;
            member.account = account;
            member.signIn();
            assertThat(b.find(By.tagName("html")).getAttribute("lang")).as("the saved language, on another device").isEqualTo("fr");
            assertThat(b.text(By.tagName("main"))).contains("Votre solde");

            // a supporter, found by name, then consent withdrawn
            b.go(portal.web + "/profile/supporters");
            b.await(By.id("name-supporter"));
            b.look("member-again-supporters");
            pick(b, supporterName);
            b.look("member-again-supporter-picked");
            b.submit(By.id("name-supporter"));
            b.await(By.id("done"));
            assertThat(b.errorSummary()).as("naming a supporter").isNull();
            assertThat(b.text(By.id("supporters"))).contains(supporterName);
            b.look("member-again-supporter-named");
            String supportersApi = portal.api("ledger-service", Portal.TIMEBANK) + "/members/" + ana.memberId() + "/supporters";
            assertThat(Web.get(supportersApi, anaToken).expect(200).body()).contains(supporter);
            b.submit(By.cssSelector("[data-withdraw='" + supporter + "']"));
            b.await(By.id("no-supporters"));
            b.look("member-again-supporter-withdrawn");
            assertThat(Web.get(supportersApi, anaToken).expect(200).body()).doesNotContain(supporter);

            // a message marked read from home: the unread count goes down
            b.go(portal.web + "/");
            b.untilReloading(d -> {
                if (b.has(By.cssSelector("form.portal-mark-read button"))) {
                    return Boolean.TRUE;
                }
                d.navigate().refresh();
                return null;
            }, "waiting for an unread message (the welcome) in the inbox");
            long unread = Long.parseLong(b.text(By.id("unread-count")).trim());
            b.look("member-again-inbox");
            WebElement homePage = b.find(By.id("unread-count"));
            b.keyboard().enterOn(By.cssSelector("form.portal-mark-read button"));
            b.awaitGone(homePage);
            b.await(By.id("unread-count"));
            assertThat(Long.parseLong(b.text(By.id("unread-count")).trim())).isEqualTo(unread - 1);
            b.look("member-again-inbox-read");
        }
    }

    /** Ticks a GOV.UK checkbox as a person does: by its label (the input is drawn by it). */
    private static void tick(Browser b, String id) {
        set(b, id, true);
    }

    private static void untick(Browser b, String id) {
        set(b, id, false);
    }

    private static void set(Browser b, String id, boolean on) {
        WebElement box = b.await(By.id(id));
        if (box.isSelected() != on) {
            b.find(By.cssSelector("label[for='" + id + "']")).click();
        }
        assertThat(b.find(By.id(id)).isSelected()).as(id + (on ? " ticked" : " unticked")).isEqualTo(on);
    }

    /**
     * Finds the supporter by name and picks them: the search is sent (so it works with JavaScript off),
     * again while the directory has not caught up with a member registered a moment ago.
     */
    private static void pick(Browser b, String name) {
        By result = Person.resultFor(name);
        b.untilReloading(d -> {
            try {
                b.fill("counterpart-search", name.split(" ")[0]);
                b.submit(By.id("search-members"));
            } catch (org.openqa.selenium.WebDriverException pageChangedUnderfoot) {
                // Chrome may answer about the old page while the new one replaces it: look again
                b.awaitLoaded();
            }
            return b.has(result) ? Boolean.TRUE : null;
        }, "waiting for " + name + " in the search results");
        b.find(result).click();
        b.awaitLoaded();
        b.until(d -> b.text(By.id("counterpart-chosen")).contains(name) ? Boolean.TRUE : null,
                "waiting for " + name + " to be chosen");
    }

    private static Browser browser(Screens screens, boolean javaScript) {
        Browser browser = Browser.open(screens, javaScript);
        return javaScript ? browser : browser.onPhone();
    }
}
