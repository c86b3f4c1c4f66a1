package org.reciprocity.portal.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Logging hours for an agreed match names the match, so matching can complete it (member eve, with finn). */
class LogHoursForAMatchPageTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void anAgreedMatch() {
        STUB.json("GET " + TB + "/matches", "[{\"id\":\"m-eve\",\"giverId\":\"eve\",\"receiverId\":\"finn\","
                        + "\"giverAnswer\":\"ACCEPTED\",\"receiverAnswer\":\"ACCEPTED\",\"status\":\"AGREED\","
                        + "\"activity\":\"Walks in the park\"}]")
                .json("GET " + TB + "/profiles/finn", "{\"memberId\":\"finn\",\"displayName\":\"Finn Lee\"}");
    }

    @Test
    void theAgreedMatchIsOfferedAndItsIdGoesToTheLedger() throws Exception {
        mvc.perform(get("/hours/new").with(member("eve")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"matchId\" name=\"matchId\" type=\"radio\" value=\"m-eve\"")))
                .andExpect(content().string(containsString("Walks in the park")))
                .andExpect(content().string(containsString("Finn Lee")));
        STUB.answer("POST " + TB + "/contributions", 201, "application/json", "{\"id\":\"c-eve\",\"minutes\":60}");
        mvc.perform(filled(post("/hours/new").with(member("eve")).with(csrf())).param("counterpart", "finn")
                        .param("matchId", "m-eve"))
                .andExpect(redirectedUrl("/hours/logged?id=c-eve"));
        assertThat(STUB.last("POST", TB + "/contributions").body()).contains("\"matchId\":\"m-eve\"",
                "\"giverId\":\"eve\"", "\"receiverId\":\"finn\"");
    }

    @Test
    void choosingTheMatchIsEnoughToSayWhoWithAndWhoGave() throws Exception {
        STUB.answer("POST " + TB + "/contributions", 201, "application/json", "{\"id\":\"c-eve2\",\"minutes\":60}");
        mvc.perform(filled(post("/hours/new").with(member("eve")).with(csrf())).param("matchId", "m-eve"))
                .andExpect(redirectedUrl("/hours/logged?id=c-eve2"));
        assertThat(STUB.last("POST", TB + "/contributions").body()).contains("\"side\":\"GIVER\"",
                "\"receiverId\":\"finn\"", "\"matchId\":\"m-eve\"");
    }

    @Test
    void aMatchWithSomeoneElseOrTheOtherWayRoundIsRefusedAndNothingIsSent() throws Exception {
        STUB.clear();
        mvc.perform(filled(post("/hours/new").with(member("eve")).with(csrf())).param("counterpart", "ali")
                        .param("matchId", "m-eve"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#matchId\"")));
        mvc.perform(filled(post("/hours/new").with(member("eve")).with(csrf())).param("counterpart", "finn")
                        .param("direction", "RECEIVED").param("matchId", "m-eve"))
                .andExpect(content().string(containsString("href=\"#matchId\"")));
        mvc.perform(filled(post("/hours/new").with(member("eve")).with(csrf())).param("counterpart", "finn")
                        .param("matchId", "not-mine"))
                .andExpect(content().string(containsString("href=\"#matchId\"")));
        assertThat(STUB.last("POST", TB + "/contributions")).isNull();
    }

    @Test
    void withNoAgreedMatchThePageIsAsBefore() throws Exception {
        STUB.json("GET " + TB + "/matches", "[]");
        mvc.perform(get("/hours/new").with(member("eve")))
                .andExpect(content().string(not(containsString("name=\"matchId\""))));
    }

    private static MockHttpServletRequestBuilder filled(MockHttpServletRequestBuilder post) {
        return post.param("action", "log").param("requestId", "7d1f0c2a-0000-4000-8000-0000000000e1")
                .param("date-day", "28").param("date-month", "11").param("date-year", "2026")
                .param("hours", "1").param("minutes", "0").param("kind", "PEER_SUPPORT");
    }
}
