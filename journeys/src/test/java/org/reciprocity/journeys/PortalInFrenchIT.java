package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every page of the journey in French ({@code ?lang=fr}): none shows Thymeleaf's missing-message
 * marker ({@code ??key_fr??}), the page says it is French ({@code <html lang="fr">}), and none of
 * the page's English words is left: each page is read first in English, its headings, labels,
 * hints, buttons, links and table heads are kept, and any of them (two words or more, people's
 * own words aside) still there in French is a leftover. axe-core and screenshots as everywhere.
 */
class PortalInFrenchIT {

    private static final Pattern MISSING = Pattern.compile("\\?\\?[^?\\s<>]+\\?\\?");
    private static final String TEXTS = "h1, h2, h3, h4, label, legend, button, a, th, caption, summary, dt, p,"
            + " .govuk-hint, .govuk-error-message, .govuk-tag";

    static Portal portal;
    final Screens screens = new Screens("portal-in-french");

    @BeforeAll
    static void platform() throws Exception {
        portal = Portal.shared();
    }

    @Test
    void everyPageOfTheJourneyInFrenchHasNoMissingMessageAndNoEnglishLeft() {
        String otherName = Portal.uniqueName("Lou");
        String other = portal.register(Portal.TIMEBANK, otherName, "NEIGHBOUR", "fr");
        Portal.Invited invited = portal.enrolThroughApis(Portal.TIMEBANK, Portal.uniqueName("Noe"), "fr", List.of());
        Portal.Invited unused = portal.enrolThroughApis(Portal.TIMEBANK, Portal.uniqueName("Ines"), "fr", List.of());
        String contribution = "french-" + System.nanoTime();
        Web.postJson(portal.api("ledger-service", Portal.TIMEBANK) + "/contributions", portal.token(other, Portal.TIMEBANK),
                Web.json("id", contribution, "side", "GIVER", "giverId", other, "receiverId", invited.memberId(),
                        "minutes", 90, "happenedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(),
                        "kind", "PEER_SUPPORT", "description", "Une promenade")).expect(201);
        Set<String> peoplesOwnWords = Set.of(otherName, invited.name(), "Une promenade", Portal.ADMIN_EMAIL);
        Map<String, List<String>> findings = new LinkedHashMap<>();

        // identity's pages, before anyone signs in: the invite and the sign-in page
        try (Browser visitor = Browser.open(screens, true)) {
            check(visitor, "welcome", unused.link(), peoplesOwnWords, findings);
            check(visitor, "sign-in", portal.identity + "/login", peoplesOwnWords, findings);
        }
        try (Person member = new Person(portal, Browser.open(screens, true), "member")) {
            member.setUpPassword(invited.link(), new Portal.Account(invited.name(), invited.memberId(), Portal.TIMEBANK,
                    invited.email(), "un long chemin vers la mer"));
            for (String page : List.of("/", "/hours/new", "/contributions/" + contribution, "/statement", "/spend", "/give")) {
                check(member.browser, page, portal.web + page, peoplesOwnWords, findings);
            }
        }
        try (Person admin = new Person(portal, Browser.open(screens, true), "admin")) {
            portal.admin(admin);
            check(admin.browser, "/coordinator/invite", portal.web + "/coordinator/invite", peoplesOwnWords, findings);
        }

        System.out.println("[i18n] pages read in English then French: " + findings.keySet());
        findings.values().removeIf(List::isEmpty);
        assertThat(findings).as("missing messages and English left on the French pages").isEmpty();
    }

    /** Reads the page in English, then in French; records what is wrong with the French. */
    private void check(Browser browser, String name, String url, Set<String> peoplesOwnWords,
                       Map<String, List<String>> findings) {
        List<String> wrong = new ArrayList<>();
        browser.go(withLanguage(url, "en"));
        browser.awaitLoaded();
        Set<String> english = texts(browser);
        missingMessages(browser, "en", wrong);

        browser.go(withLanguage(url, "fr"));
        browser.awaitLoaded();
        browser.look("fr-" + name);
        missingMessages(browser, "fr", wrong);
        String lang = browser.find(By.tagName("html")).getAttribute("lang");
        if (lang == null || !lang.startsWith("fr")) {
            wrong.add("<html lang=\"" + lang + "\">, not fr");
        }
        Set<String> french = texts(browser);
        for (String text : english) {
            if (french.contains(text) && words(text) >= 2 && peoplesOwnWords.stream().noneMatch(text::contains)) {
                wrong.add("English left: \"" + text + "\"");
            }
        }
        findings.put(name, wrong);
        // back to English, so that the remembered language does not follow the next page's English read
        browser.go(withLanguage(url, "en"));
    }

    private static void missingMessages(Browser browser, String language, List<String> wrong) {
        Matcher matcher = MISSING.matcher(browser.html());
        while (matcher.find()) {
            wrong.add("missing message (" + language + "): " + matcher.group());
        }
    }

    /** The words of the page's headings, labels, buttons and so on, each as one line (one script, not one call each). */
    @SuppressWarnings("unchecked")
    private static Set<String> texts(Browser browser) {
        List<String> all = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0]))"
                        // the inbox holds messages written in the member's own language when they were sent,
                        // whatever language the page is read in: they are content, not the page's words; so are
                        // names the page marks translate="no" (organisations' names, which other classes running
                        // beside this one add to the shared timebank)
                        + ".filter(e => !e.closest('#inbox, #live, #thank-yous, [translate=no]')).map(e => e.textContent);", TEXTS);
        Set<String> texts = new LinkedHashSet<>();
        for (String raw : all) {
            String text = raw.replaceAll("\\s+", " ").trim();
            if (!text.isEmpty() && text.matches("(?s).*\\p{L}.*")) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static int words(String text) {
        return (int) java.util.Arrays.stream(text.split("\\s+")).filter(w -> w.matches(".*\\p{L}{2,}.*")).count();
    }

    static String withLanguage(String url, String language) {
        return url + (url.contains("?") ? "&" : "?") + "lang=" + language;
    }
}
