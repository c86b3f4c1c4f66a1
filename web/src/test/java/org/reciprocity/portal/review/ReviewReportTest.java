package org.reciprocity.portal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * Issue 17, the quarterly report: whoever reads the review chooses a quarter and downloads a tagged
 * PDF whose text (read back with PDFBox) holds the period, parity's matrix and share, the months and
 * the seven indicators, each picture followed by its table, in English or French; the figures are
 * review-service's for exactly that quarter; a member gets 403; a quarter that is not one, or is still
 * to come, goes back to the page with words.
 */
class ReviewReportTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void reviewService() {
        ReviewPagesTest.answer(STUB);
    }

    @BeforeEach
    void forget() {
        STUB.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/review/report", "/review/report.pdf?quarter=2026-Q4"})
    void aMemberGets403AndNothingIsAsked(String page) throws Exception {
        mvc.perform(get(page).with(member("mo", "MEMBER"))).andExpect(status().isForbidden());
        assertThat(STUB.received()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"STAFF", "ADMIN", "COORDINATOR"})
    void thePageOffersTheLastEightQuartersWithTheLastWholeOneChosen(String role) throws Exception {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        Quarter last = Quarter.of(now).previous();
        String page = mvc.perform(get("/review/report").with(member("sue", "MEMBER", role)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("action=\"/review/report.pdf\"", "method=\"get\"", "id=\"download-report\"",
                "(so far)", "value=\"" + last + "\" checked=\"checked\"", "aria-current=\"page\"")
                .doesNotContain("??");
        assertThat(page.split("name=\"quarter\"").length - 1).isEqualTo(ReviewReport.OFFERED);
    }

    @Test
    void theReportIsATaggedPdfOfTheQuarterWithItsPicturesAndTables() throws Exception {
        byte[] pdf = mvc.perform(get("/review/report.pdf").param("quarter", "2026-Q4").with(member("sue", "MEMBER", "STAFF")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("quarterly-report-2026-Q4.pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(STUB.last("GET", ReviewPagesTest.REVIEW + "/parity").query()).contains("from=2026-10", "to=2026-12");
        assertThat(STUB.last("GET", ReviewPagesTest.REVIEW + "/indicators").query()).contains("from=2026-10", "to=2026-12");
        assertThat(STUB.last("GET", ReviewPagesTest.REVIEW + "/parity").authorization()).startsWith("Bearer ");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "quarterly-report-sample.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // one space for any run of spaces: the PDF wraps words in narrow columns
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Quarterly report", "October to December 2026", "Demo",
                    // parity: the matrix, the share, the months
                    "Who gave time to whom", "Hours given, by who gave", "Service users", "2 h 30 min", "5 h",
                    "Service users gave", "44% given", "Month by month", "October 2026", "November 2026", "25% given",
                    // the seven indicators, by level, met or not, with people, hours and service users
                    "Co-production indicators", "2 of the 7 indicators were met.", "Individual level", "Strategic level",
                    "Care goals set together", "Service users on the board", "Not met", "1 h 30 min");
            assertThat(text.indexOf("Individual level")).isLessThan(text.indexOf("Strategic level"));
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("a tagged PDF").isTrue();
            assertThat(figures(document.getDocumentCatalog().getStructureTreeRoot().getKids())).as("each picture's words, as its alternate text")
                    .hasSize(3).anySatisfy(alt -> assertThat(alt).startsWith("Who gave time to whom. "))
                    .anySatisfy(alt -> assertThat(alt).startsWith("Month by month. "));
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Quarterly report: October to December 2026");
            assertThat(document.getNumberOfPages()).isBetween(2, 4);
        }
    }

    /** The alternate texts of the tagged PDF's Figures, in reading order. */
    private static List<String> figures(List<Object> kids) {
        List<String> alts = new ArrayList<>();
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement element) {
                if ("Figure".equals(element.getStructureType())) {
                    alts.add(element.getAlternateDescription());
                }
                alts.addAll(figures(element.getKids()));
            }
        }
        return alts;
    }

    @Test
    void theReportIsInFrenchForAFrenchReader() throws Exception {
        byte[] pdf = mvc.perform(get("/review/report.pdf").param("quarter", "2026-Q1").param("lang", "fr")
                        .with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // one space for any run of spaces: the PDF wraps words in narrow columns
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Rapport trimestriel", "janvier à mars 2026", "Qui a donné du temps à qui",
                    "Niveau stratégique", "Objectifs de soin fixés ensemble", "Non atteint")
                    .doesNotContain("Quarterly report");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-Q5", "last quarter", "2999-Q1"})
    void aQuarterThatIsNotOneGoesBackToThePageAndNothingIsAsked(String quarter) throws Exception {
        mvc.perform(get("/review/report.pdf").param("quarter", quarter).with(member("sue", "MEMBER", "STAFF")))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/review/report?wrong=quarter"));
        assertThat(STUB.received()).noneMatch(r -> r.path().startsWith(ReviewPagesTest.REVIEW));
        mvc.perform(get("/review/report").param("wrong", "quarter").with(member("sue", "MEMBER", "STAFF")))
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("Choose the three months the report is for.")));
    }

    @Test
    void thePageIsInFrench() throws Exception {
        mvc.perform(get("/review/report").param("lang", "fr").with(member("sue", "MEMBER", "STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Télécharger le rapport (PDF)")))
                .andExpect(content().string(not(containsString("??"))));
    }
}
