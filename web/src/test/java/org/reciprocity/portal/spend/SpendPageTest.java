package org.reciprocity.portal.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class SpendPageTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void anOrganisation() {
        STUB.json("GET " + TB + "/organisations", "[{\"id\":\"org-library\",\"name\":\"The library\"}]")
                .json("POST " + TB + "/redemptions", "{\"sequence\":4,\"postedAt\":\"2026-11-30T10:00:00Z\","
                        + "\"reason\":\"REDEMPTION\",\"direction\":\"OUT\",\"minutes\":90,\"balanceAfter\":30}");
    }

    @Test
    void spendingOneHourAndAHalfSaysSoInAGreenPanelAndSendsWholeMinutes() throws Exception {
        mvc.perform(post("/spend").with(member("cora")).with(csrf())
                        .param("requestId", "spend-request-1").param("organisation", "org-library")
                        .param("hours", "1").param("minutes", "30").param("offer", "A class"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"spent\"")))
                .andExpect(content().string(containsString("<h1 class=\"govuk-panel__title\">Hours spent</h1>")))
                .andExpect(content().string(containsString("1 h 30 min")));

        assertThat(STUB.last("POST", TB + "/redemptions").body()).contains("\"minutes\":90").contains("org-library");
    }

    @Test
    void theConfirmationIsInFrenchForAFrenchReader() throws Exception {
        mvc.perform(post("/spend").param("lang", "fr").with(member("cora")).with(csrf())
                        .param("requestId", "spend-request-2").param("organisation", "org-library")
                        .param("hours", "1").param("minutes", "30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"fr\"")))
                .andExpect(content().string(containsString("Heures utilisées")));
    }
}
