package org.reciprocity.portal.supporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.reciprocity.portal.ServiceStub;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 16: a supporter logs hours for a member who named them, from their own pages. Kim supports
 * Pat; Lou supports nobody (or had their consent withdrawn). Who may log is the ledger's to say.
 */
class SupportingPagesTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void kimSupportsPat() {
        STUB.json("GET " + TB + "/members/kim/supported", "{\"members\":[{\"memberId\":\"pat\",\"displayName\":\"Pat\",\"status\":\"ACTIVE\"}]}")
                .json("GET " + TB + "/members/lou/supported", "{\"members\":[]}")
                .json("GET " + TB + "/profiles/pat", "{\"memberId\":\"pat\",\"displayName\":\"Pat\"}");
    }

    @Test
    void theLogHoursPageListsThePeopleWhoNamedYouAndNobodyElse() throws Exception {
        mvc.perform(get("/hours/new").with(member("kim")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"people-you-support\"")))
                .andExpect(content().string(containsString("People you support")))
                .andExpect(content().string(containsString("href=\"/supporting/pat/hours\"")))
                .andExpect(content().string(containsString("Log hours for Pat")));
        assertThat(STUB.last("GET", TB + "/members/kim/supported").authorization()).isNotBlank();
        mvc.perform(get("/hours/new").with(member("lou")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("people-you-support"))))
                .andExpect(content().string(not(containsString("/supporting/"))));
    }

    @Test
    void theFormOpensOnlyForSomeoneWhoNamedYou() throws Exception {
        mvc.perform(get("/supporting/pat/hours").with(member("kim")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Log hours for Pat")))
                .andExpect(content().string(containsString("Did Pat give or receive time?")))
                .andExpect(content().string(containsString("action=\"/supporting/pat/hours\"")))
                .andExpect(content().string(containsString("id=\"counterpart-search\"")))
                .andExpect(content().string(containsString("name=\"date-day\"")))
                .andExpect(content().string(containsString("id=\"log-hours\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/supporting/pat/hours").with(member("lou"))).andExpect(status().isNotFound());
        mvc.perform(get("/supporting/bo/hours").with(member("kim"))).andExpect(status().isNotFound());
    }

    @Test
    void hoursAreLoggedFromTheMembersSideWithAnIdempotencyKeyThenConfirmed() throws Exception {
        STUB.answer("POST " + TB + "/contributions", 201, "application/json",
                "{\"id\":\"c-7\",\"giverId\":\"pat\",\"receiverId\":\"ali\",\"minutes\":60,\"state\":\"LOGGED\"}");

        mvc.perform(filled(post("/supporting/pat/hours").with(member("kim")).with(csrf())))
                .andExpect(redirectedUrl("/supporting/pat/logged?id=c-7"));

        ServiceStub.Received sent = STUB.last("POST", TB + "/contributions");
        assertThat(sent.body()).contains("\"side\":\"GIVER\"", "\"giverId\":\"pat\"", "\"receiverId\":\"ali\"",
                "\"minutes\":60", "\"happenedOn\":\"2026-11-28\"", "\"kind\":\"PEER_SUPPORT\"");
        assertThat(sent.idempotencyKey()).isEqualTo("7d1f0c2a-0000-4000-8000-000000000007");
        mvc.perform(get("/supporting/pat/logged").param("id", "c-7").with(member("kim")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"logged\"")))
                .andExpect(content().string(containsString("Hours logged for Pat")))
                .andExpect(content().string(containsString("href=\"/contributions/c-7\"")));
    }

    @Test
    void whenConsentWasWithdrawnTheLedgersRefusalIsShownInTheSupportersWords() throws Exception {
        STUB.problem("POST " + TB + "/contributions", 403, "not-coordinator-or-supporter",
                "Vous ne pouvez pas ajouter du temps pour cette personne.");

        mvc.perform(filled(post("/supporting/pat/hours").param("lang", "fr").with(member("lou")).with(csrf())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("Vous ne pouvez pas ajouter du temps pour cette personne.")))
                .andExpect(content().string(containsString("Noter des heures pour Pat")));
        assertThat(STUB.last("POST", TB + "/contributions").language()).isEqualTo("fr");
    }

    @Test
    void whatIsMissingIsListedAndNothingIsSent() throws Exception {
        STUB.clear();
        mvc.perform(post("/supporting/pat/hours").with(member("kim")).with(csrf()).param("action", "log"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("href=\"#direction\"")))
                .andExpect(content().string(containsString("Choose whether they gave or received time")))
                .andExpect(content().string(containsString("href=\"#kind\"")));
        assertThat(STUB.received()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        STUB.clear();
        mvc.perform(filled(post("/supporting/pat/hours").with(member("kim")))).andExpect(status().isForbidden());
        assertThat(STUB.received()).noneMatch(r -> r.method().equals("POST"));
    }

    private static MockHttpServletRequestBuilder filled(MockHttpServletRequestBuilder request) {
        return request.param("requestId", "7d1f0c2a-0000-4000-8000-000000000007").param("direction", "GAVE")
                .param("counterpart", "ali").param("counterpartName", "Ali").param("date-day", "28")
                .param("date-month", "11").param("date-year", "2026").param("hours", "1").param("minutes", "0")
                .param("kind", "PEER_SUPPORT").param("action", "log");
    }
}
