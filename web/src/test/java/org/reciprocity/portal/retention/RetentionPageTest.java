package org.reciprocity.portal.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, /admin/retention: the admin's alone, in English and French, the periods as the ledger has
 * them and each service's last report in words (one stub answers for the three services here).
 */
class RetentionPageTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void policyAndReports() {
        STUB.json("GET " + TB + "/retention-policy", "{\"messagesDays\":200,\"closedListingsDays\":365,"
                        + "\"closedMatchActivityDays\":365,\"plansDays\":90,\"leftMembersDays\":730}")
                .json("GET " + TB + "/admin/retention/reports", "{\"reports\":[{\"service\":\"matching-service\","
                        + "\"startedAt\":\"2026-12-02T03:17:00Z\",\"finishedAt\":\"2026-12-02T03:17:00Z\","
                        + "\"removed\":{\"closed-listings\":3,\"plans\":12,\"something-new\":1}}]}");
        STUB.clear();
    }

    @Test
    void aMemberAndACoordinatorGet403AndNoServiceIsAsked() throws Exception {
        mvc.perform(get("/admin/retention").with(member("cora", "MEMBER"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/retention").with(member("cora", "MEMBER", "COORDINATOR"))).andExpect(status().isForbidden());
        assertThat(STUB.received()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"en, 200 days", "en, Closed offers and requests: 3", "en, Plans made by coordinators: 12", "en, Other: 1",
            "en, Not used yet", "fr, 200 jours", "fr, Offres et demandes fermées\u00a0: 3", "fr, Dernier passage"})
    void thePeriodsAndTheLastReportsInEnglishAndFrench(String language, String words) throws Exception {
        mvc.perform(get("/admin/retention").param("lang", language).with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"" + language + "\"")))
                .andExpect(content().string(containsString(words)))
                .andExpect(content().string(not(containsString("??"))));
    }
}
