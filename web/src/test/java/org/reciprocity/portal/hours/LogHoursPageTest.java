package org.reciprocity.portal.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.reciprocity.portal.ServiceStub;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class LogHoursPageTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theFormHasTheFieldsTheBrowserTestsUse() throws Exception {
        mvc.perform(get("/hours/new").with(member("ana")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"direction\"")))
                .andExpect(content().string(containsString("id=\"counterpart-search\"")))
                .andExpect(content().string(containsString("name=\"date-day\"")))
                .andExpect(content().string(containsString("name=\"hours\"")))
                .andExpect(content().string(containsString("name=\"kind\"")))
                .andExpect(content().string(containsString("id=\"log-hours\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(filled(post("/hours/new").with(member("ana")))).andExpect(status().isForbidden());
    }

    @Test
    void hoursAreLoggedAsTheMemberWithWholeMinutesAndAnIdempotencyKey() throws Exception {
        STUB.answer("POST " + TB + "/contributions", 201, "application/json",
                "{\"id\":\"c-9\",\"giverId\":\"ana\",\"receiverId\":\"ali\",\"minutes\":90,\"state\":\"LOGGED\"}");
        mvc.perform(filled(post("/hours/new").with(member("ana")).with(csrf())))
                .andExpect(redirectedUrl("/hours/logged?id=c-9"));
        ServiceStub.Received sent = STUB.last("POST", TB + "/contributions");
        assertThat(sent.body()).contains("\"side\":\"GIVER\"", "\"giverId\":\"ana\"", "\"receiverId\":\"ali\"",
                "\"minutes\":90", "\"happenedOn\":\"2026-11-28\"", "\"kind\":\"PEER_SUPPORT\"");
        assertThat(sent.idempotencyKey()).isEqualTo("7d1f0c2a-0000-4000-8000-000000000001");
        mvc.perform(get("/hours/logged").param("id", "c-9").with(member("ana")))
                .andExpect(content().string(containsString("id=\"logged\"")))
                .andExpect(content().string(containsString("href=\"/contributions/c-9\"")));
    }

    @Test
    void whatIsMissingIsListedInTheErrorSummaryLinkedToItsField() throws Exception {
        mvc.perform(post("/hours/new").with(member("ana")).with(csrf()).param("action", "log"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("href=\"#direction\"")))
                .andExpect(content().string(containsString("href=\"#counterpart-search\"")))
                .andExpect(content().string(containsString("href=\"#kind\"")));
    }

    @Test
    void aLedgerRefusalIsShownInTheMembersWords() throws Exception {
        STUB.problem("POST " + TB + "/contributions", 422, "below-minimum", "Ce serait en dessous du minimum.");
        mvc.perform(filled(post("/hours/new").param("lang", "fr").with(member("ana")).with(csrf())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("Ce serait en dessous du minimum.")));
        assertThat(STUB.last("POST", TB + "/contributions").language()).isEqualTo("fr");
    }

    @Test
    void withJavaScriptOffASearchPostsBackAndOffersTheMembersFound() throws Exception {
        STUB.json("GET " + TB + "/directory", "[{\"memberId\":\"ali\",\"displayName\":\"Ali Ben\"}]");
        mvc.perform(post("/hours/new").with(member("ana")).with(csrf()).param("action", "search").param("name", "Ali")
                        .param("hours", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"pick:ali\"")))
                .andExpect(content().string(containsString("Ali Ben")));
        mvc.perform(post("/hours/new").with(member("ana")).with(csrf()).param("action", "pick:ali"))
                .andExpect(content().string(containsString("id=\"counterpart\" name=\"counterpart\" value=\"ali\"")));
    }

    private static MockHttpServletRequestBuilder filled(MockHttpServletRequestBuilder post) {
        return post.param("action", "log").param("requestId", "7d1f0c2a-0000-4000-8000-000000000001")
                .param("direction", "GAVE").param("counterpart", "ali")
                .param("date-day", "28").param("date-month", "11").param("date-year", "2026")
                .param("hours", "1").param("minutes", "30").param("kind", "PEER_SUPPORT").param("description", "Shopping");
    }
}
