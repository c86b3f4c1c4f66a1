package org.reciprocity.portal.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class HomePageTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void aMemberWithHours() {
        STUB.json("GET " + TB + "/accounts/ana", "{\"id\":\"ana\",\"balance\":210,\"debitsPending\":0,\"creditsPending\":0}")
                .json("GET " + TB + "/members/ana/statement", "[" + line(1, "2026-11-03T10:00:00+01:00", "IN", 120, 120)
                        + "," + line(2, "2099-01-05T10:00:00+01:00", "IN", 90, 210) + "]")
                .json("GET " + TB + "/members/ana/pending-validations", "[{\"id\":\"c-7\",\"giverId\":\"ali\",\"receiverId\":\"ana\","
                        + "\"minutes\":60,\"happenedOn\":\"2026-11-30\",\"kind\":\"PRACTICAL_HELP\",\"state\":\"LOGGED\"}]")
                .json("GET " + TB + "/profiles/ali", "{\"memberId\":\"ali\",\"displayName\":\"Ali\"}")
                .json("GET " + TB + "/inbox", "{\"unread\":2,\"items\":[{\"id\":\"i1\",\"kind\":\"THANK_YOU\","
                        + "\"title\":\"Ali thanked you\",\"paragraphs\":[\"Thank you <b>so</b> much\"],\"shownAt\":\"1 Dec\",\"read\":false}]}");
    }

    static String line(long seq, String at, String direction, long minutes, long after) {
        return "{\"sequence\":" + seq + ",\"postedAt\":\"" + at + "\",\"transferId\":\"t" + seq + "\",\"reason\":\"CONTRIBUTION\","
                + "\"direction\":\"" + direction + "\",\"minutes\":" + minutes + ",\"balanceAfter\":" + after
                + ",\"otherAccount\":\"ali\",\"with\":\"Ali\",\"description\":\"You gave time to Ali.\"}";
    }

    @Test
    void aSignedInMemberSeesTheirBalanceInHoursAndMinutes() throws Exception {
        mvc.perform(get("/").with(member("ana")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"balance\">3 h 30 min<")))
                .andExpect(content().string(containsString("id=\"given-in-all\">3 h 30 min<")))
                .andExpect(content().string(containsString("id=\"unread-count\">2<")))
                .andExpect(content().string(containsString("href=\"/contributions/c-7\"")))
                .andExpect(content().string(containsString("Thank you &lt;b&gt;so&lt;/b&gt; much")))
                .andExpect(content().string(containsString("sse-connect=\"/live\"")));
    }

    @Test
    void theServicesAreCalledWithTheMembersTokenAndLanguage() throws Exception {
        STUB.clear();
        mvc.perform(get("/").param("lang", "fr").with(member("ana"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Votre solde")));
        assertThat(STUB.last("GET", "/api/v1/timebanks/demo/accounts/ana").authorization()).startsWith("Bearer ");
        assertThat(STUB.last("GET", "/api/v1/timebanks/demo/accounts/ana").language()).isEqualTo("fr");
    }

    @Test
    void nobodySignedInSeesTheWelcomeWithASignInLink() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/oauth2/authorization/reciprocity")))
                .andExpect(content().string(not(containsString("id=\"balance\""))));
    }

    @Test
    void everyPageSendsTheContentSecurityPolicy() throws Exception {
        mvc.perform(get("/")).andExpect(header().string("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "frame-ancestors 'none'; form-action 'self' http://localhost:9090"));
    }

    @Test
    void aPageNeedsSigningIn() throws Exception {
        mvc.perform(get("/statement")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/oauth2/authorization/reciprocity")));
    }

    @Test
    void signingOutIsAPostWithItsCsrfToken() throws Exception {
        mvc.perform(post("/sign-out").with(member("ana"))).andExpect(status().isForbidden());
        mvc.perform(post("/sign-out").with(member("ana")).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Autowired
    org.springframework.boot.web.server.autoconfigure.ServerProperties server;

    @Test
    void theSessionCookieIsTheHttpOnlySameSiteLaxPortalCookieWithAThirtyMinuteIdleTimeOut() {
        var session = server.getServlet().getSession();
        assertThat(session.getCookie().getName()).isEqualTo("RECIPROCITY_PORTAL");
        assertThat(session.getCookie().getHttpOnly()).isTrue();
        assertThat(session.getCookie().getSameSite()).hasToString("LAX");
        assertThat(session.getTimeout()).isEqualTo(java.time.Duration.ofMinutes(30));
    }

    @Test
    void theDesignSystemIsServedFromItsWebJar() throws Exception {
        mvc.perform(get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx-ext-sse/sse.js")).andExpect(status().isOk());
    }
}
