package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.TopicProbe;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Issue 14: each kind of e-mail (welcome, request to confirm, dispute, low balance) in English and
 * French, as really sent through SMTP, and the unsubscribe pages, checked for their parts (subject
 * as a heading, preheader, viewport, the real link, the plain-text twin, the timebank's contact and
 * support line), then shown in headless Chromium at 375 px and 1200 px and kept as screenshots in
 * {@code target/screenshots/} for people to look at. Chromium comes from {@code scripts/ensure-chromium.sh},
 * run by the build before the integration tests.
 */
class EmailScreenshotsIT extends NotificationServiceIT {

    static final Path OUT = Path.of("target", "screenshots");
    static final String PORTAL = "http://localhost:8080";

    final Scenario scenario = new Scenario();
    final MemberRegistered sam = scenario.member("Sam", "en");
    final MemberRegistered ali = scenario.member("Ali", "en");
    final MemberRegistered noe = scenario.member("Noé", "fr");
    final MemberRegistered lou = scenario.member("Lou", "fr");

    @Test
    void everyEmailHasItsSubjectAsAHeadingAPreheaderAViewportARealLinkAndAPlainTextTwinWithTheTimebanksHelp() throws Exception {
        Map<String, Letter> letters = sendEveryKind();

        for (Map.Entry<String, Letter> entry : letters.entrySet()) {
            Letter letter = entry.getValue();
            String name = entry.getKey();
            assertThat(letter.html()).as(name).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                    .contains("<h1 style=\"font-size: 24px; line-height: 1.3; margin: 0 0 16px;\">" + escape(letter.subject) + "</h1>")
                    .containsPattern("<div style=\"display: none;[^\"]*\">[^<]+</div>")
                    .contains("Jo Martin, jo@riverside.example, 0161 496 0000")
                    .contains("116 123")
                    .doesNotContain("Open Reciprocity");
            assertThat(letter.text()).as(name + " has a plain-text twin").isNotBlank()
                    .startsWith(letter.subject)
                    .contains("Jo Martin, jo@riverside.example, 0161 496 0000")
                    .contains("/api/v1/unsubscribe/");
            // the twin carries the same link as the HTML's button
            String link = between(letter.html(), "<a href=\"", "\"");
            assertThat(link).as(name).startsWith(PORTAL + "/");
            assertThat(letter.text()).as(name).contains(link);
        }
        // a member reads the contact the admin set; the unsubscribe link asks first, "keep" keeps, an old link is a kind page
        ApiClient.Response contact = api.get("/api/v1/timebanks/" + scenario.timebank + "/contact",
                token(ali.memberId(), scenario.timebank, "MEMBER"));
        assertThat(contact.status()).isEqualTo(200);
        assertThat(contact.text("coordinatorsName")).isEqualTo("Jo Martin");
        URI link = here(letters.get("welcome-en").unsubscribe);
        assertThat(openInBrowser(link).body()).contains("data-page=\"ask\"").contains("role=\"note\"");
        assertThat(openInBrowser(URI.create(link + "?kept=yes")).body()).contains("data-page=\"kept\"");
        assertThat(api.get("/api/v1/timebanks/" + scenario.timebank + "/preferences", token(ali.memberId(), scenario.timebank, "MEMBER"))
                .json().path("channels").path("PLEASE_CONFIRM").toString()).contains("EMAIL");
        HttpResponse<String> old = openInBrowser(URI.create("http://localhost:" + port + "/api/v1/unsubscribe/" + UUID.randomUUID()));
        assertThat(old.statusCode()).isEqualTo(404);
        assertThat(old.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(old.body()).contains("data-code=\"unsubscribe-link-not-valid\"");
        assertThat(letters.get("please-confirm-en").html()).contains("href=\"" + PORTAL + "/contributions/" + confirmEn.contributionId() + "\"");
        assertThat(letters.get("please-confirm-fr").html()).contains("href=\"" + PORTAL + "/contributions/" + confirmFr.contributionId() + "\"");
    }

    @Test
    void theEmailsAndTheUnsubscribePagesAreScreenshotAtPhoneAndDesktopWidths() throws Exception {
        Map<String, Letter> letters = sendEveryKind();
        Files.createDirectories(OUT);
        Map<String, URI> pages = new LinkedHashMap<>();
        for (Map.Entry<String, Letter> entry : letters.entrySet()) {
            Path html = OUT.resolve("email-" + entry.getKey() + ".html");
            Files.writeString(html, entry.getValue().html());
            Files.writeString(OUT.resolve("email-" + entry.getKey() + ".txt"), entry.getValue().text());
            pages.put("email-" + entry.getKey(), html.toAbsolutePath().toUri());
        }
        pages.put("unsubscribe-en", here(entry(letters, "welcome-en").unsubscribe));
        pages.put("unsubscribe-fr", here(entry(letters, "welcome-fr").unsubscribe));
        pages.put("unsubscribe-kept-en", URI.create(here(entry(letters, "welcome-en").unsubscribe) + "?kept=yes"));
        pages.put("unsubscribe-old-link-en", URI.create("http://localhost:" + port + "/api/v1/unsubscribe/" + UUID.randomUUID()));

        List<Path> shots = new ArrayList<>();
        ChromeDriver browser = browser();
        try {
            for (Map.Entry<String, URI> page : pages.entrySet()) {
                for (int width : new int[] {375, 1200}) {
                    shots.add(screenshot(browser, page.getValue(), OUT.resolve(page.getKey() + "-" + width + ".png"), width));
                }
            }
            // the unsubscribe page's buttons are big enough to tap (44 px at least) at phone width
            metrics(browser, 375, 800);
            browser.get(pages.get("unsubscribe-en").toString());
            for (String selector : List.of("a.keep", "button.stop")) {
                Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                        "return document.querySelector(arguments[0]).getBoundingClientRect().height", selector);
                assertThat(height.doubleValue()).as(selector + " height").isGreaterThanOrEqualTo(44);
            }
        } finally {
            browser.quit();
        }
        System.out.println("E-mail screenshots: " + shots.size() + " in " + OUT.toAbsolutePath());
        assertThat(shots).allSatisfy(shot -> assertThat(Files.size(shot)).isGreaterThan(5_000));
    }

    ContributionLogged confirmEn;
    ContributionLogged confirmFr;

    /** One of each kind to an English and a French reader, through the real broker and SMTP. */
    private Map<String, Letter> sendEveryKind() {
        ApiClient.Response set = put("/api/v1/timebanks/" + scenario.timebank + "/contact",
                token("admin-1", scenario.timebank, "ADMIN"),
                Map.of("coordinatorsName", "Jo Martin", "coordinatorsEmail", "jo@riverside.example",
                        "coordinatorsPhone", "0161 496 0000", "supportWords", "Samaritans, free, day or night:",
                        "supportPhone", "116 123"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        // the contact is set first, so the welcome (sent once the details are here) shows it
        known(scenario.opened("Europe/London"), sam, ali, noe, lou);
        confirmEn = scenario.logged(sam, ali);
        confirmFr = scenario.logged(noe, lou);
        DomainEvent disputeEn = scenario.disputed(confirmEn, java.time.Instant.now());
        DomainEvent disputeFr = scenario.disputed(confirmFr, java.time.Instant.now());
        DomainEvent lowEn = scenario.nearTheLowestBalance(ali);
        DomainEvent lowFr = scenario.nearTheLowestBalance(lou);
        Map<String, DomainEvent> events = new LinkedHashMap<>();
        // heard again: the welcome already went, once, keyed by this registration
        events.put("welcome-en", Members.stripped(ali));
        events.put("welcome-fr", Members.stripped(lou));
        events.put("please-confirm-en", confirmEn);
        events.put("please-confirm-fr", confirmFr);
        events.put("dispute-en", disputeEn);
        events.put("dispute-fr", disputeFr);
        events.put("low-balance-en", lowEn);
        events.put("low-balance-fr", lowFr);
        Map<String, Letter> letters = new LinkedHashMap<>();
        for (Map.Entry<String, DomainEvent> e : events.entrySet()) {
            TopicProbe.send(bootstrap, e.getValue());
            String reader = e.getKey().endsWith("-en") ? ali.memberId() : lou.memberId();
            String address = e.getKey().endsWith("-en") ? ali.email() : lou.email();
            String messageId = "<" + e.getValue().eventId() + "." + reader + ".EMAIL@reciprocity>";
            MimeMessage[] found = new MimeMessage[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                found[0] = TestSmtp.receivedBy(address).stream().filter(m -> messageId.equals(header(m, "Message-ID")))
                        .findFirst().orElse(null);
                return found[0] != null;
            });
            try {
                letters.put(e.getKey(), Letter.of(found[0]));
            } catch (MessagingException | IOException failure) {
                throw new IllegalStateException(failure);
            }
        }
        return letters;
    }

    record Letter(String subject, String html, String text, String unsubscribe) {

        static Letter of(MimeMessage message) throws MessagingException, IOException {
            String unsubscribe = header(message, "List-Unsubscribe").replaceAll("[<>]", "");
            return new Letter(message.getSubject(), part(message, "text/html"), part(message, "text/plain"), unsubscribe);
        }

        private static String part(Part part, String type) throws MessagingException, IOException {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String found = part(child, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }

    /** The link as this test's server answers it (the configured public address names no test port). */
    private URI here(String link) {
        return URI.create("http://localhost:" + port + link.substring(link.indexOf("/api/v1/unsubscribe/")));
    }

    private static Letter entry(Map<String, Letter> letters, String name) {
        return letters.get(name);
    }

    static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String escape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** Debian's Chromium through its chromedriver, headless, with a fresh profile (flags that work on our machines). */
    static ChromeDriver browser() throws IOException {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        Path profile = Files.createTempDirectory("chromium-profile");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile, "--lang=en");
        return new ChromeDriver(ChromeDriverService.createDefaultService(), options);
    }

    /**
     * The whole page at this width, as a phone (under 600 px) or a desktop shows it: the viewport is set
     * through the DevTools protocol (a window cannot be narrower than Chromium's minimum), made as tall
     * as the page, then shot.
     */
    static Path screenshot(ChromeDriver browser, URI page, Path file, int width) throws IOException {
        metrics(browser, width, 900);
        browser.get(page.toString());
        Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
        metrics(browser, width, Math.min(6000, height.intValue()));
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    static void metrics(ChromeDriver browser, int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** For the pages the service serves to a browser: what a person's browser would get. */
    static HttpResponse<String> openInBrowser(URI page) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(page).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
