package org.reciprocity.portal.privacy;

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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Issue 18, "Download my data": the portal reads each service's personal data of the member and gives
 * one ZIP (a folder per service, a JSON file per collection, a README in plain words); a part that
 * could not be read is named on the page and in the README.
 */
class MyDataExportPagesTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void everyServiceKeepsSomethingOfCora() {
        // the stub plays the five services at one address: each answers the same
        STUB.json("GET " + TB + "/members/cora/personal-data", "{\"service\":\"any\",\"collections\":{"
                + "\"members\":[{\"_id\":\"cora\",\"displayName\":\"Cora\"}],\"contributions\":[]}}");
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
        mvc.perform(get("/my-data/export").session(session).with(member("cora")))
                .andExpect(content().string(containsString("id=\"download-export\"")))
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
        assertThat(files.get("ledger-service/members.json")).contains("\"displayName\" : \"Cora\"");
        assertThat(files.get("README.txt")).contains("This is what we keep about you, on ", "ledger-service – Hours and balances")
                .doesNotContain("We could not get");
        mvc.perform(post("/my-data/export").with(member("cora"))).andExpect(status().isForbidden());
    }

    @Test
    void aPartThatCannotBeReadIsNamedOnThePageAndInTheReadme() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/my-data/export").session(session).param("lang", "fr").with(member("nina")).with(csrf()))
                .andExpect(redirectedUrl("/my-data/export"));
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
    void aCollectionsNameCannotLeaveItsFolder() throws Exception {
        JsonNode collections = new ObjectMapper().readTree("{\"../../etc/passwd\":[{\"a\":1}]}");
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("ledger-service", collections);
        answers.put("review-service", null);
        PersonalDataExport.Built built = PersonalDataExport.zip(Instant.parse("2026-12-01T10:00:00Z"), answers, "read me");
        assertThat(unzip(built.zip())).containsOnlyKeys("README.txt", "ledger-service/_etc_passwd.json");
        assertThat(built.included()).containsExactly("ledger-service");
        assertThat(built.missing()).containsExactly("review-service");
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
