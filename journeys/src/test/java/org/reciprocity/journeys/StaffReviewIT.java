package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 17 on the whole platform: a member of staff reads the review pages of a timebank of its own,
 * whose figures come from contributions confirmed through the ledger and carried to review-service by
 * the broker. The reciprocity review lists the members, parity shows its pictures with their text
 * (title, description, the table beside each), the indicators link to what was counted, a table
 * downloads as CSV; whether the records are whole (nothing checked yet, then an admin's check: whole);
 * the quarterly report downloads as a tagged PDF whose text holds the figures; a member gets 403. axe
 * on every page, each shot at desktop and 320 px.
 */
class StaffReviewIT {

    static final String COOKIE = "RECIPROCITY_PORTAL";
    static Portal portal;
    final Screens screens = new Screens("staff-review");

    @BeforeAll
    static void platform() throws Exception {
        portal = Portal.shared();
    }

    @Test
    void staffReadTheReviewParityAndIndicatorsWithTheirTextAndCsvAndAMemberIsRefused() {
        String tb = "review-" + Long.toString(System.nanoTime(), 36);
        portal.openTimebank(tb, "Review Street");
        String suName = Portal.uniqueName("Suki");
        String su = portal.register(tb, suName, "SERVICE_USER", "en");
        String st = portal.register(tb, Portal.uniqueName("Stella"), "STAFF", "en");
        // counted in the month it is posted (UTC), which is now
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String goals = confirmed(tb, st, su, 90, "GOALS_JOINTLY_SET", today);
        confirmed(tb, su, st, 60, "INVOLVEMENT_MEETING", today);
        Portal.Invited staff = portal.enrolThroughApis(tb, Portal.uniqueName("Sadie"), "en", List.of("STAFF"));
        Portal.Invited mo = portal.enrolThroughApis(tb, Portal.uniqueName("Moira"), "en", List.of());

        try (Person sadie = new Person(portal, Browser.open(screens, true), "staff")) {
            sadie.setUpPassword(staff.link(), new Portal.Account(staff.name(), staff.memberId(), tb, staff.email(),
                    "a bright morning on the hill " + System.nanoTime()));
            Browser b = sadie.browser;
            assertThat(b.has(By.cssSelector("nav a[href='/review']"))).as("staff are offered the review").isTrue();

            // the indicators: the confirmed hours reach review-service through the broker, a moment later
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                b.go(portal.web + "/review/indicators");
                b.await(By.id("indicators-period"));
                if (b.has(By.id("indicator-GOALS_JOINTLY_SET"))
                        && b.text(By.id("indicator-GOALS_JOINTLY_SET")).contains("1 h 30 min")) {
                    break;
                }
                assertThat(System.nanoTime()).as("review-service never counted the confirmed hours").isLessThan(until);
                pause();
            }
            assertThat(b.text(By.id("level-INDIVIDUAL"))).contains("Individual level", "Care goals set together", "Met");
            assertThat(b.text(By.id("indicator-INVOLVEMENT_MEETING"))).contains("1 h");
            b.look("indicators");

            // what was counted: ids, kinds and dates
            b.click(By.id("behind-GOALS_JOINTLY_SET"));
            b.await(By.id("behind-table"));
            assertThat(b.text(By.id("behind-table"))).contains(goals).contains("1 h 30 min").contains("Staff").contains("Service users");
            b.look("indicator-drill-down");

            // the reciprocity review
            b.click(By.id("back-to-indicators"));
            b.await(By.id("indicators-period"));
            b.click(By.id("to-review"));
            b.await(By.id("review-filters"));
            assertThat(b.text(By.id("review-table"))).contains(suName).contains("1 h 30 min").contains("1 h");
            assertThat(b.text(By.id("review-given"))).isEqualTo("2 h 30 min");
            b.look("review");

            // parity: three pictures, each with a title, a description and its figures beside it
            b.click(By.id("to-parity"));
            b.await(By.id("parity-table"));
            for (String chart : List.of("flow-chart-svg", "share-chart-svg", "trend-chart-svg")) {
                assertThat(b.has(By.cssSelector("svg[role='img'] title#" + chart + "-title"))).as(chart + " title").isTrue();
                assertThat(b.has(By.cssSelector("svg[role='img'] desc#" + chart + "-desc"))).as(chart + " description").isTrue();
            }
            assertThat(b.text(By.id("parity-table"))).contains("Hours given, by who gave").contains("1 h 30 min");
            assertThat(b.text(By.id("share-percent"))).isEqualTo("40% given");
            assertThat(b.has(By.id("trend-table"))).isTrue();
            b.look("parity");

            // a table as CSV, through the portal with the person's session
            String csv = b.find(By.id("download-parity-csv")).getAttribute("href");
            String cookie = COOKIE + "=" + b.cookie(COOKIE);
            Web.Reply reply = Web.page(csv, cookie);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).startsWith("giver_kind,to_service_user,to_staff,to_carer,to_neighbour,to_organisation");
            Web.Reply review = Web.page(b.find(By.id("to-review")).getAttribute("href").replace("/review?", "/review/members.csv?"), cookie);
            assertThat(review.body()).startsWith("member_id,name,kind").contains(su);

            // are the records whole: nothing checked yet in this new timebank, and staff are not offered a check
            b.click(By.id("to-integrity"));
            b.await(By.id("integrity-panel"));
            assertThat(b.text(By.id("integrity-panel"))).contains("No check has run yet");
            assertThat(b.has(By.id("run-check"))).as("only an admin asks for a check").isFalse();
            // an admin asks the ledger for one; the page then says what it found, when, and what it read
            Web.postJson(portal.api("ledger-service", tb) + "/ledger/verification/runs", portal.token(st, tb, "ADMIN"),
                    Map.of()).expect(200);
            b.go(portal.web + "/review/integrity");
            b.await(By.id("integrity-whole"));
            assertThat(b.text(By.id("integrity-whole"))).contains("Whole").contains("entries were read again. None was changed.");
            assertThat(b.text(By.id("integrity-who"))).isEqualTo("An admin");
            assertThat(b.text(By.id("integrity-ran-at"))).contains(String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear()));
            b.look("integrity");

            // the quarterly report: this quarter (the hours were confirmed today), as a PDF whose text is read back
            b.click(By.id("to-report"));
            b.await(By.id("report-form"));
            b.look("report");
            b.click(By.cssSelector("label[for='quarter']"));
            String quarter = b.find(By.id("quarter")).getAttribute("value");
            String text = pdfText(portal.web + "/review/report.pdf?quarter=" + quarter, cookie);
            assertThat(text).contains("Quarterly report", "Review Street", "Who gave time to whom", "Hours given, by who gave",
                    "2 h 30 min", "Month by month", "Co-production indicators", "Individual level", "Care goals set together",
                    "1 h 30 min", "Strategic level");
        }

        try (Person moira = new Person(portal, Browser.open(screens, true), "member")) {
            moira.setUpPassword(mo.link(), new Portal.Account(mo.name(), mo.memberId(), tb, mo.email(),
                    "a long swim in the lake " + System.nanoTime()));
            assertThat(moira.browser.has(By.cssSelector("nav a[href='/review']"))).as("a member is not offered it").isFalse();
            String cookie = COOKIE + "=" + moira.browser.cookie(COOKIE);
            for (String page : List.of("/review", "/review/parity", "/review/indicators", "/review/parity.csv",
                    "/review/report", "/review/report.pdf?quarter=2026-Q1", "/review/integrity")) {
                assertThat(Web.page(portal.web + page, cookie).status()).as(page).isEqualTo(403);
            }
            moira.browser.go(portal.web + "/review");
            moira.browser.await(By.tagName("h1"));
            moira.browser.look("member-refused");
        }
        System.out.println("[staff-review] screenshots: " + screens.files().size() + " in " + screens.folder());
    }

    /** The PDF downloaded in the person's session, opened with PDFBox, its text read back (one space for any run). */
    private static String pdfText(String url, String cookie) {
        try {
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Cookie", cookie).timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            Path copy = Path.of("target", "screenshots", "staff-review", "quarterly-report.pdf");
            Files.createDirectories(copy.getParent());
            Files.write(copy, pdf.body());
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("a tagged PDF").isTrue();
                return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not read the quarterly report " + url, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Hours logged by the giver and confirmed by the receiver: posted by the ledger, then counted. */
    private String confirmed(String tb, String giver, String receiver, int minutes, String kind, String day) {
        String ledger = portal.api("ledger-service", tb);
        String id = "review-" + System.nanoTime();
        Web.postJson(ledger + "/contributions", portal.token(giver, tb), Web.json("id", id, "side", "GIVER",
                "giverId", giver, "receiverId", receiver, "minutes", minutes, "happenedOn", day, "kind", kind,
                "description", "Time together")).expect(201);
        Web.postJson(ledger + "/contributions/" + id + "/validation", portal.token(receiver, tb),
                Web.json("note", "Thank you")).expect(200);
        return id;
    }
}
