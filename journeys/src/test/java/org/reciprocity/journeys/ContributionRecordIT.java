package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 17 on the whole platform: a member whose hours another member confirmed makes a
 * contribution record of them, downloads it as a PDF whose text says what they gave, its code and
 * where to check it; anyone (signed out) checks the code on /verify and is told it is valid, and a
 * record changed after signing is not. Axe on every page, screenshots at desktop and 320 px.
 */
class ContributionRecordIT {

    static Portal portal;
    final Screens screens = new Screens("contribution-record");

    @BeforeAll
    static void platform() throws Exception {
        portal = Portal.shared();
    }

    @Test
    void aMemberMakesARecordThatAnyoneCanCheckAndAChangedOneFails() throws Exception {
        String tb = "record-" + Long.toString(System.nanoTime(), 36);
        portal.openTimebank(tb, "Record Street");
        String ali = portal.register(tb, Portal.uniqueName("Ali"), "NEIGHBOUR", "en");
        Portal.Invited sam = portal.enrolThroughApis(tb, Portal.uniqueName("Sam"), "en", List.of());
        confirmed(tb, sam.memberId(), ali, 90, "PEER_SUPPORT");
        confirmed(tb, sam.memberId(), ali, 45, "PRACTICAL_HELP");

        try (Person member = new Person(portal, Browser.open(screens, true), "member");
             Browser stranger = Browser.open(screens, true)) {
            member.setUpPassword(sam.link(), new Portal.Account(sam.name(), sam.memberId(), tb, sam.email(),
                    "a long walk along the river"));
            Browser browser = member.browser;

            // from the statement to the record's choices
            browser.go(portal.web + "/statement");
            browser.click(By.id("record-link"));
            browser.await(By.id("record-form"));
            browser.look("record-choose");
            browser.choose("showName", "yes");
            browser.choose("showDates", "yes");
            browser.submit(By.id("make-record"));
            browser.await(By.id("record-made"));
            String code = browser.text(By.id("record-code"));
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{10}");
            assertThat(browser.text(By.id("record-total"))).isEqualTo("2 h 15 min");
            browser.look("record-made");

            // the PDF opens and says what was given, each entry confirmed, the code and where to check it
            String pdfUrl = browser.find(By.id("download-pdf")).getAttribute("href");
            String text = pdfText(pdfUrl, "RECIPROCITY_PORTAL=" + browser.cookie("RECIPROCITY_PORTAL"));
            String words = text.replaceAll("\\s+", " ");
            assertThat(words).contains("Contribution record", sam.name(), "Record Street", "2 h 15 min", "1 h 30 min",
                    "45 min", "The member who was helped", code, "/verify?code=" + code);
            assertThat(words).as("no description, no note, no other name").doesNotContain("A walk by the river", "Thank you");
            String jws = jwsIn(text);

            // on a phone
            browser.onPhone();
            browser.go(portal.web + "/record");
            browser.await(By.id("records-table"));
            browser.look("record-list-phone");

            // anyone, signed out, checks the code: valid, and only what the record says
            stranger.go(portal.web + "/verify");
            stranger.await(By.id("verify-code-form"));
            stranger.look("verify");
            stranger.fill("code", code.toLowerCase());
            stranger.submit(By.id("check-code"));
            stranger.await(By.id("verify-valid"));
            assertThat(stranger.text(By.id("verified-member"))).isEqualTo(sam.name());
            assertThat(stranger.text(By.id("verified-total"))).isEqualTo("2 h 15 min");
            assertThat(stranger.html()).doesNotContain(ali, "A walk by the river");
            stranger.look("verify-valid");

            // the signed text from the PDF, pasted as it is: valid; with its total changed: not valid
            stranger.go(portal.web + "/verify");
            stranger.fill("jws", jws);
            stranger.submit(By.id("check-jws"));
            stranger.await(By.id("verify-valid"));
            String[] parts = jws.split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            assertThat(payload).contains("\"totalMinutes\":135");
            String changed = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    payload.replace("\"totalMinutes\":135", "\"totalMinutes\":1350").getBytes(StandardCharsets.UTF_8))
                    + "." + parts[2];
            stranger.go(portal.web + "/verify");
            stranger.fill("jws", changed);
            stranger.submit(By.id("check-jws"));
            stranger.await(By.id("verify-not-valid"));
            assertThat(stranger.text(By.id("verify-not-valid"))).contains("has been changed");
            stranger.onPhone();
            stranger.look("verify-not-valid-phone");
        }
    }

    /** Time the giver logged and the receiver confirmed, through the ledger's API. */
    private void confirmed(String tb, String giver, String receiver, int minutes, String kind) {
        String id = "record-" + System.nanoTime();
        Web.postJson(portal.api("ledger-service", tb) + "/contributions", portal.token(giver, tb),
                Web.json("id", id, "side", "GIVER", "giverId", giver, "receiverId", receiver, "minutes", minutes,
                        "happenedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(), "kind", kind,
                        "description", "A walk by the river")).expect(201);
        Web.postJson(portal.api("ledger-service", tb) + "/contributions/" + id + "/validation", portal.token(receiver, tb),
                Web.json("note", "Thank you")).expect(200);
    }

    /** The PDF downloaded in the member's session, opened with PDFBox and read back as text. */
    private static String pdfText(String url, String cookie) throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60)).header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("a tagged PDF").isTrue();
            return new PDFTextStripper().getText(document);
        }
    }

    /** The compact JWS printed at the end of the PDF (broken over lines by the layout). */
    private static String jwsIn(String text) {
        String joined = text.replaceAll("\\s", "");
        java.util.regex.Matcher jws = java.util.regex.Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")
                .matcher(joined);
        assertThat(jws.find()).as("the signed record at the end of the PDF").isTrue();
        return jws.group();
    }
}
