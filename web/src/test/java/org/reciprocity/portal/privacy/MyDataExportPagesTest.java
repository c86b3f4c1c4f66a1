package org.reciprocity.portal.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 18, "Download my data": the portal reads each service's personal data of the member in the
 * background, shows how far it got, and gives one ZIP (a folder per service, a JSON and a CSV file per
 * collection, a README in plain words); a part that could not be read is named on the page and in the README.
 */
class MyDataExportPagesTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void everyServiceKeepsSomethingOfCora() {
        // the stub plays the five services at one address: each answers the same
        STUB.json("GET " + TB + "/members/cora/personal-data", "{\"service\":\"any\",\"collections\":{"
                + "\"members\":[{\"_id\":\"cora\",\"displayName\":\"Cora\"},"
                + "{\"_id\":\"cora-2\",\"note\":\"=HYPERLINK(\\\"http://x\\\")\",\"minutes\":-90,\"address\":{\"city\":\"Lyon\"}}],"
                + "\"contributions\":[]}}");
    }

    @Test
    void aMemberDownloadsOneFolderPerServiceWithAReadme() throws Exception {
        mvc.perform(get("/my-data").with(member("cora")))
                .andExpect(content().string(containsString("href=\"/my-data/export\"")));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/my-data/export").session(session).with(member("cora")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"build-export\"")))
                .andExpect(content().string(not(containsString("id=\"download-export\""))));
        mvc.perform(post("/my-data/export").session(session).with(member("cora")).with(csrf()))
                .andExpect(redirectedUrl("/my-data/export"));
        readyIn(session, "cora");
        mvc.perform(get("/my-data/export").session(session).with(member("cora")))
                .andExpect(content().string(containsString("id=\"download-export\"")))
                .andExpect(content().string(not(containsString("id=\"export-progress\""))))
                .andExpect(content().string(not(containsString("hx-trigger"))))
                .andExpect(content().string(containsString("Hours and balances")))
                .andExpect(content().string(not(containsString("id=\"export-missing\""))));
        byte[] zip = mvc.perform(get("/my-data/export/my-data.zip").session(session).with(member("cora")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", containsString("my-data.zip")))
                .andReturn().getResponse().getContentAsByteArray();

        Map<String, String> files = unzip(zip);
        assertThat(files).containsKeys("README.txt", "ledger-service/members.json", "matching-service/members.json",
                "notification-service/members.json", "identity-service/members.json", "review-service/contributions.json");
        assertThat(files).containsKeys("ledger-service/members.csv", "review-service/contributions.csv");
        assertThat(files.get("ledger-service/members.json")).contains("\"displayName\" : \"Cora\"");
        // a row per document, a column per field; a formula stays text, a number stays a number, nested is JSON
        assertThat(files.get("ledger-service/members.csv").split("\r\n")).containsExactly(
                "_id,displayName,note,minutes,address",
                "cora,Cora,,,",
                "cora-2,,\"'=HYPERLINK(\"\"http://x\"\")\",-90,\"{\"\"city\"\":\"\"Lyon\"\"}\"");
        assertThat(files.get("review-service/contributions.csv")).isBlank();
        assertThat(files.get("README.txt")).contains("This is what we keep about you, on ", "ledger-service – Hours and balances",
                        "also there as CSV")
                .doesNotContain("We could not get");
        mvc.perform(post("/my-data/export").with(member("cora"))).andExpect(status().isForbidden());
    }

    @Test
    void aPartThatCannotBeReadIsNamedOnThePageAndInTheReadme() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/my-data/export").session(session).param("lang", "fr").with(member("nina")).with(csrf()))
                .andExpect(redirectedUrl("/my-data/export"));
        readyIn(session, "nina");
        mvc.perform(get("/my-data/export").session(session).with(member("nina")))
                .andExpect(content().string(containsString("id=\"export-missing\"")))
                .andExpect(content().string(containsString("Reports on the timebank")))
                .andExpect(content().string(not(containsString("id=\"download-export\""))));
        Map<String, String> files = unzip(mvc.perform(get("/my-data/export/my-data.zip").session(session).with(member("nina")))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(files.keySet()).containsExactly("README.txt");
        assertThat(files.get("README.txt")).contains("Nous n’avons pas pu avoir ces parties", "review-service – Bilans");
    }

    @Test
    void whileTheFileIsMadeThePageSaysHowFarItGotAndAskingAgainStartsNoOther() throws Exception {
        PersonalDataExport.Preparation making = new PersonalDataExport.Preparation(5);
        making.oneRead();
        making.oneRead();
        making.oneRead();
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(MyDataExportController.SESSION, making);
        mvc.perform(get("/my-data/export").session(session).with(member("cora")))
                .andExpect(content().string(containsString("Reading your data: 3 of 5 parts.")))
                .andExpect(content().string(containsString("id=\"export-check\" href=\"/my-data/export\"")))
                .andExpect(content().string(containsString("hx-get=\"/my-data/export\"")))
                .andExpect(content().string(containsString("hx-trigger=\"every 2s\"")))
                .andExpect(content().string(not(containsString("id=\"build-export\""))))
                .andExpect(content().string(not(containsString("id=\"download-export\""))));
        mvc.perform(get("/my-data/export").session(session).param("lang", "fr").with(member("cora")))
                .andExpect(content().string(containsString("Lecture de vos données\u00a0: 3 parties sur 5.")));
        mvc.perform(post("/my-data/export").session(session).with(member("cora")).with(csrf()))
                .andExpect(redirectedUrl("/my-data/export"));
        assertThat(session.getAttribute(MyDataExportController.SESSION)).as("no second file while one is made").isSameAs(making);
        mvc.perform(get("/my-data/export/my-data.zip").session(session).with(member("cora")))
                .andExpect(status().isSeeOther());
    }

    @Test
    void aCollectionsNameCannotLeaveItsFolder() throws Exception {
        JsonNode collections = new ObjectMapper().readTree("{\"../../etc/passwd\":[{\"a\":1}]}");
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("ledger-service", collections);
        answers.put("review-service", null);
        PersonalDataExport.Built built = PersonalDataExport.zip(Instant.parse("2026-12-01T10:00:00Z"), answers, "read me");
        assertThat(unzip(built.zip())).containsOnlyKeys("README.txt", "ledger-service/_etc_passwd.json", "ledger-service/_etc_passwd.csv");
        assertThat(built.included()).containsExactly("ledger-service");
        assertThat(built.missing()).containsExactly("review-service");
    }

    /** The file is made in the background: the page is asked again (as "Check again" does) until it is there. */
    private void readyIn(MockHttpSession session, String member) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(get("/my-data/export").session(session).with(member(member)))
                .andReturn().getResponse().getContentAsString().contains("id=\"export-progress\"") == false);
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
