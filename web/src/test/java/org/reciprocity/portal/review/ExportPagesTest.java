package org.reciprocity.portal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 17, the download of the whole timebank: only an admin may make or read one (a member, staff
 * and a coordinator get 403 and nothing is asked of review-service); the button asks review-service
 * and leads to the progress page; that page shows each file's rows, a "Look again" link that works
 * without JavaScript and no inline script; a ready download links to its file, which the portal passes
 * on as review-service wrote it; English and French.
 */
class ExportPagesTest extends PortalTest {

    static final String EXPORTS = TB + "/review/exports";

    static final String RUNNING = "{\"id\":\"e-1\",\"state\":\"RUNNING\",\"requestedAt\":\"2026-12-01T10:00:00Z\","
            + "\"startedAt\":\"2026-12-01T10:00:01Z\",\"finishedAt\":null,\"files\":["
            + "{\"name\":\"members.csv\",\"written\":30,\"total\":30,\"done\":true},"
            + "{\"name\":\"accounts.csv\",\"written\":12,\"total\":28,\"done\":false},"
            + "{\"name\":\"contributions.csv\",\"written\":0,\"total\":null,\"done\":false},"
            + "{\"name\":\"transfers.csv\",\"written\":0,\"total\":null,\"done\":false},"
            + "{\"name\":\"listings.csv\",\"written\":0,\"total\":null,\"done\":false},"
            + "{\"name\":\"matches.csv\",\"written\":0,\"total\":null,\"done\":false}],"
            + "\"rowsWritten\":42,\"rowsTotal\":null,\"failure\":null,\"bytes\":null,\"download\":null}";

    static final String READY = "{\"id\":\"e-2\",\"state\":\"READY\",\"requestedAt\":\"2026-12-01T09:00:00Z\","
            + "\"startedAt\":\"2026-12-01T09:00:01Z\",\"finishedAt\":\"2026-12-01T09:00:05Z\",\"files\":["
            + "{\"name\":\"members.csv\",\"written\":30,\"total\":30,\"done\":true},"
            + "{\"name\":\"accounts.csv\",\"written\":28,\"total\":28,\"done\":true},"
            + "{\"name\":\"contributions.csv\",\"written\":140,\"total\":140,\"done\":true},"
            + "{\"name\":\"transfers.csv\",\"written\":150,\"total\":150,\"done\":true},"
            + "{\"name\":\"listings.csv\",\"written\":40,\"total\":40,\"done\":true},"
            + "{\"name\":\"matches.csv\",\"written\":22,\"total\":22,\"done\":true}],"
            + "\"rowsWritten\":410,\"rowsTotal\":410,\"failure\":null,\"bytes\":20480,"
            + "\"download\":\"/api/v1/timebanks/demo/review/exports/e-2/zip\"}";

    static final String FAILED = "{\"id\":\"e-3\",\"state\":\"FAILED\",\"requestedAt\":\"2026-11-30T09:00:00Z\","
            + "\"startedAt\":\"2026-11-30T09:00:01Z\",\"finishedAt\":\"2026-11-30T09:10:00Z\",\"files\":["
            + "{\"name\":\"members.csv\",\"written\":30,\"total\":30,\"done\":true},"
            + "{\"name\":\"accounts.csv\",\"written\":10,\"total\":28,\"done\":false}],"
            + "\"rowsWritten\":40,\"rowsTotal\":null,\"failure\":\"stopped\",\"bytes\":null,\"download\":null}";

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void reviewService() {
        STUB.json("GET " + EXPORTS, "[" + READY + "," + FAILED + "]")
                .answer("POST " + EXPORTS, 202, "application/json", RUNNING)
                .json("GET " + EXPORTS + "/e-1", RUNNING)
                .json("GET " + EXPORTS + "/e-2", READY)
                .json("GET " + EXPORTS + "/e-3", FAILED)
                .answer("GET " + EXPORTS + "/e-2/zip", 200, "application/zip", "PK-the-zip-as-review-service-wrote-it")
                .problem("GET " + EXPORTS + "/e-1/zip", 409, "export-not-ready", "This download is not ready yet.");
    }

    @BeforeEach
    void forget() {
        STUB.clear();
    }

    @ParameterizedTest
    @CsvSource({"MEMBER, /review/export", "STAFF, /review/export", "COORDINATOR, /review/export",
            "STAFF, /review/export/e-2", "COORDINATOR, /review/export/e-2/download", "MEMBER, /review/export/e-1"})
    void onlyAnAdminMayMakeOrReadADownload(String role, String page) throws Exception {
        mvc.perform(get(page).with(member("sue", "MEMBER", role))).andExpect(status().isForbidden());
        mvc.perform(post("/review/export").with(member("sue", "MEMBER", role)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(STUB.received()).as("nothing asked of any service").isEmpty();
    }

    @Test
    void theReviewLinksToTheDownloadOnlyForAnAdmin() throws Exception {
        org.reciprocity.portal.review.ReviewPagesTest.answer(STUB);
        STUB.json("GET " + TB + "/organisations", "[]");
        mvc.perform(get("/review").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/review/export\"")));
        mvc.perform(get("/review").with(member("sue", "MEMBER", "STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/review/export\""))));
    }

    @Test
    void theFirstPageSaysWhatIsInTheFileAndListsDownloadsMadeBefore() throws Exception {
        mvc.perform(get("/review/export").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Make a download of the whole timebank")))
                .andExpect(content().string(containsString("Every line of the ledger")))
                .andExpect(content().string(containsString("no e-mail or home address")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("href=\"/review/export/e-2\"")))
                .andExpect(content().string(containsString(">Ready<")))
                .andExpect(content().string(containsString(">Stopped<")))
                .andExpect(content().string(not(containsString("??"))));
        assertThat(STUB.last("GET", EXPORTS).authorization()).startsWith("Bearer ");
    }

    @Test
    void theButtonAsksReviewServiceAndLeadsToTheProgressPage() throws Exception {
        mvc.perform(post("/review/export").with(member("ada", "MEMBER", "ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/review/export/e-1"));
        assertThat(STUB.last("POST", EXPORTS)).isNotNull();
        assertThat(STUB.last("POST", EXPORTS).authorization()).startsWith("Bearer ");
    }

    @Test
    void whileTheFileIsMadeThePageShowsEachFilesRowsAndALinkToLookAgain() throws Exception {
        mvc.perform(get("/review/export/e-1").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Being made")))
                .andExpect(content().string(containsString("30 of 30")))
                .andExpect(content().string(containsString("12 of 28")))
                .andExpect(content().string(containsString("Not started")))
                // without JavaScript: a link that loads the page again; with it, htmx does every 2 seconds
                .andExpect(content().string(containsString("id=\"look-again\"")))
                .andExpect(content().string(containsString("hx-trigger=\"every 2s\"")))
                .andExpect(content().string(not(containsString("http-equiv=\"refresh\""))))
                .andExpect(content().string(not(containsString("id=\"download-export\""))))
                .andExpect(content().string(not(containsString("<script>"))))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void aReadyDownloadLinksToItsFileAndStopsLookingAgain() throws Exception {
        mvc.perform(get("/review/export/e-2").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your file is ready")))
                .andExpect(content().string(containsString("href=\"/review/export/e-2/download\"")))
                .andExpect(content().string(containsString("(ZIP, 20 KB)")))
                .andExpect(content().string(containsString("150 of 150")))
                .andExpect(content().string(not(containsString("id=\"look-again\""))))
                .andExpect(content().string(not(containsString("hx-trigger"))));
    }

    @Test
    void aStoppedDownloadSaysSoAndOffersANewOne() throws Exception {
        mvc.perform(get("/review/export/e-3").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Something stopped it before the end")))
                .andExpect(content().string(containsString("Not made")))
                .andExpect(content().string(containsString("id=\"make-export-again\"")));
    }

    @Test
    void theFileIsPassedOnAsReviewServiceWroteIt() throws Exception {
        mvc.perform(get("/review/export/e-2/download").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/zip")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string("PK-the-zip-as-review-service-wrote-it"));
    }

    @ParameterizedTest
    @CsvSource({"/review/export, en, Download the whole timebank", "/review/export, fr, Télécharger toute la banque de temps",
            "/review/export/e-1, en, Look again", "/review/export/e-1, fr, Regarder de nouveau",
            "/review/export/e-2, en, Download the file", "/review/export/e-2, fr, Télécharger le fichier",
            "/review/export/e-3, en, Make a new download", "/review/export/e-3, fr, Faire un nouveau téléchargement"})
    void everyPageIsInEnglishAndFrench(String page, String language, String words) throws Exception {
        mvc.perform(get(page).param("lang", language).with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"" + language + "\"")))
                .andExpect(content().string(containsString(words)))
                .andExpect(content().string(not(containsString("??"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/review/export/e-1/download"})
    void aFileNotReadyYetGetsReviewServicesWords(String page) throws Exception {
        mvc.perform(get(page).with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().is(409))
                .andExpect(content().string(containsString("This download is not ready yet.")));
    }
}
