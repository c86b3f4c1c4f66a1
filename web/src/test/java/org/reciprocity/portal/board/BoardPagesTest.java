package org.reciprocity.portal.board;

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

/** The board, my listings and my matches, against canned answers of matching-service (member bea). */
class BoardPagesTest extends PortalTest {

    static final String NEED = "{\"id\":\"bl-need\",\"kind\":\"NEED\",\"ownerId\":\"dan\",\"title\":\"A walk and a chat\","
            + "\"category\":\"befriending\",\"estimatedMinutes\":90,\"mode\":\"IN_PERSON\",\"district\":\"N1\","
            + "\"accessibility\":[\"step-free\"],\"expiresAt\":\"2026-12-31T23:00:00Z\",\"status\":\"OPEN\"}";
    static final String OFFER = "{\"id\":\"bl-offer\",\"kind\":\"OFFER\",\"ownerId\":\"dan\",\"title\":\"Gardening\","
            + "\"category\":\"gardening\",\"estimatedMinutes\":60,\"mode\":\"IN_PERSON\",\"district\":\"N1\","
            + "\"expiresAt\":\"2026-12-31T23:00:00Z\",\"status\":\"OPEN\"}";
    static final String MINE = "{\"id\":\"bl-mine\",\"kind\":\"NEED\",\"ownerId\":\"bea\",\"title\":\"Help with forms\","
            + "\"category\":\"admin-forms\",\"estimatedMinutes\":45,\"mode\":\"REMOTE\",\"recurrence\":\"MONTHLY\","
            + "\"expiresAt\":\"2026-12-31T23:00:00Z\",\"status\":\"PAUSED\"}";

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void matching() {
        STUB.json("GET " + TB + "/listings/bl-need", NEED)
                .json("GET " + TB + "/listings/bl-offer", OFFER)
                .json("GET " + TB + "/listings/bl-mine", MINE)
                .json("GET " + TB + "/members/bea/listings", "[" + MINE + "]")
                .json("GET " + TB + "/profiles/dan", "{\"memberId\":\"dan\",\"displayName\":\"Dan Okafor\"}")
                .json("GET " + TB + "/profiles/bea", "{\"memberId\":\"bea\",\"displayName\":\"Bea\"}")
                .json("GET " + TB + "/members/bea/statement", "[]")
                .json("GET " + TB + "/members/bea/pending-validations", "[]");
    }

    @Test
    void theBoardSendsEveryFilterItKnowsAndDropsTheRest() throws Exception {
        STUB.json("GET " + TB + "/listings", "{\"total\":1,\"listings\":[" + NEED + "]}");
        mvc.perform(get("/board").with(member("bea")).param("q", "walk").param("kind", "NEED")
                        .param("category", "befriending").param("mode", "IN_PERSON").param("district", "n1")
                        .param("time", "EVENING"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/board/listings/bl-need\"")))
                .andExpect(content().string(containsString("Dan Okafor")))
                .andExpect(content().string(containsString("<option value=\"EVENING\" selected=\"selected\"")))
                .andExpect(content().string(containsString("id=\"clear-filters\"")));
        assertThat(STUB.last("GET", TB + "/listings").query()).contains("q=walk", "kind=NEED", "category=befriending",
                "mode=IN_PERSON", "district=N1", "time=EVENING");
        mvc.perform(get("/board").with(member("bea")).param("category", "knitting").param("time", "NIGHT"))
                .andExpect(status().isOk());
        assertThat(STUB.last("GET", TB + "/listings").query()).doesNotContain("category", "time");
    }

    @Test
    void aNeedIsPublishedWithWholeMinutesAndAnIdempotencyKey() throws Exception {
        STUB.answer("POST " + TB + "/listings", 201, "application/json", MINE);
        mvc.perform(post("/board/mine/new").with(member("bea")).with(csrf())
                        .param("requestId", "5b0c8f1e-0000-4000-8000-000000000007").param("kind", "NEED")
                        .param("title", "Help with forms").param("category", "admin-forms").param("hours", "0")
                        .param("minutes", "45").param("mode", "REMOTE").param("recurrence", "MONTHLY")
                        .param("expiresDay", "31").param("expiresMonth", "12").param("expiresYear", "2026"))
                .andExpect(redirectedUrl("/board/listings/bl-mine?done=published"));
        ServiceStub.Received sent = STUB.last("POST", TB + "/listings");
        assertThat(sent.idempotencyKey()).isEqualTo("5b0c8f1e-0000-4000-8000-000000000007");
        assertThat(sent.body()).contains("\"kind\":\"NEED\"", "\"estimatedMinutes\":45", "\"mode\":\"REMOTE\"",
                "\"recurrence\":\"MONTHLY\"", "\"category\":\"admin-forms\"", "\"expiresAt\":\"2026-12-31T23:00:00Z\"");
    }

    @Test
    void whatIsMissingIsListedAndNothingIsSent() throws Exception {
        STUB.clear();
        mvc.perform(post("/board/mine/new").with(member("bea")).with(csrf()).param("hours", "1.5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("href=\"#kind\"")))
                .andExpect(content().string(containsString("href=\"#hours\"")))
                .andExpect(content().string(containsString("href=\"#expires-day\"")))
                .andExpect(content().string(containsString("govuk-form-group--error")))
                .andExpect(content().string(containsString("id=\"title-error\"")));
        assertThat(STUB.last("POST", TB + "/listings")).isNull();
    }

    @Test
    void aRefusalIsShownInTheMembersLanguage() throws Exception {
        STUB.problem("PUT " + TB + "/listings/bl-mine", 422, "district-needed", "Indiquez un quartier.");
        mvc.perform(post("/board/listings/bl-mine/edit").param("lang", "fr").with(member("bea")).with(csrf())
                        .param("kind", "NEED").param("title", "Help with forms").param("category", "admin-forms")
                        .param("hours", "1").param("minutes", "0").param("mode", "REMOTE")
                        .param("expiresDay", "31").param("expiresMonth", "12").param("expiresYear", "2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Indiquez un quartier.")));
        assertThat(STUB.last("PUT", TB + "/listings/bl-mine").language()).isEqualTo("fr");
    }

    @Test
    void myListingsOfferToChangeReopenAndWithdrawAPausedOne() throws Exception {
        mvc.perform(get("/board/mine").with(member("bea")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"reopen-bl-mine\"")))
                .andExpect(content().string(containsString("id=\"withdraw-bl-mine\"")))
                .andExpect(content().string(not(containsString("id=\"pause-bl-mine\""))))
                .andExpect(content().string(containsString("href=\"/board/listings/bl-mine/edit\"")));
        STUB.json("POST " + TB + "/listings/bl-mine/reopen", MINE.replace("PAUSED", "OPEN"));
        mvc.perform(post("/board/listings/bl-mine/reopen").with(member("bea")).with(csrf()))
                .andExpect(redirectedUrl("/board/mine?done=reopen"));
        mvc.perform(get("/board/listings/bl-mine/edit").with(member("bea")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"title\" name=\"title\" type=\"text\" maxlength=\"120\" aria-describedby=\"title-hint\" value=\"Help with forms\"")))
                .andExpect(content().string(containsString("id=\"minutes\" name=\"minutes\" type=\"text\" inputmode=\"numeric\" value=\"45\"")));
        mvc.perform(get("/board/listings/bl-need/edit").with(member("bea"))).andExpect(status().isForbidden());
    }

    @Test
    void theOwnerSeesSuggestionsForAnOpenListingInTheirWords() throws Exception {
        STUB.json("GET " + TB + "/listings/bl-open", MINE.replace("bl-mine", "bl-open").replace("PAUSED", "OPEN"))
                .json("GET " + TB + "/listings/bl-open/suggestions", "[{\"type\":\"OFFER\",\"listingId\":\"bl-offer\","
                        + "\"title\":\"Forms made easy\",\"memberId\":\"dan\",\"displayName\":\"Dan Okafor\","
                        + "\"reasons\":[\"Vous parlez tous les deux arabe\"]}]");
        mvc.perform(get("/board/listings/bl-open").param("lang", "fr").with(member("bea")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"suggestions\"")))
                .andExpect(content().string(containsString("href=\"/board/listings/bl-offer\"")))
                .andExpect(content().string(containsString("Vous parlez tous les deux arabe")))
                .andExpect(content().string(containsString("id=\"pause-bl-open\"")));
        assertThat(STUB.last("GET", TB + "/listings/bl-open/suggestions").language()).isEqualTo("fr");
    }

    @Test
    void answeringANeedProposesTheMemberAsTheGiver() throws Exception {
        STUB.answer("POST " + TB + "/matches", 201, "application/json", "{\"id\":\"bm-1\",\"status\":\"PROPOSED\"}");
        mvc.perform(get("/board/listings/bl-need").with(member("bea")))
                .andExpect(content().string(containsString("id=\"answer\"")))
                .andExpect(content().string(containsString("Dan Okafor")))
                // on the board through the day its owner chose, not "until midnight of the next"
                .andExpect(content().string(containsString("31 December 2026")))
                .andExpect(content().string(containsString("1 h 30 min")));
        mvc.perform(post("/board/listings/bl-need/answer").with(member("bea")).with(csrf())
                        .param("requestId", "5b0c8f1e-0000-4000-8000-000000000008"))
                .andExpect(redirectedUrl("/matches?done=proposed"));
        ServiceStub.Received sent = STUB.last("POST", TB + "/matches");
        assertThat(sent.body()).contains("\"needListingId\":\"bl-need\"", "\"giverId\":\"bea\"");
        assertThat(sent.idempotencyKey()).isEqualTo("5b0c8f1e-0000-4000-8000-000000000008");
    }

    @Test
    void askingForAnOfferGoesThroughOneOfTheMembersNeeds() throws Exception {
        // bea's only need is paused: she is told to put one on the board first
        mvc.perform(get("/board/listings/bl-offer").with(member("bea")))
                .andExpect(content().string(containsString("id=\"new-need\"")));
        STUB.answer("POST " + TB + "/matches", 201, "application/json", "{\"id\":\"bm-2\",\"status\":\"PROPOSED\"}");
        mvc.perform(post("/board/listings/bl-offer/answer").with(member("bea")).with(csrf()).param("needId", "bl-mine"))
                .andExpect(redirectedUrl("/matches?done=proposed"));
        assertThat(STUB.last("POST", TB + "/matches").body())
                .contains("\"needListingId\":\"bl-mine\"", "\"offerListingId\":\"bl-offer\"");
        mvc.perform(post("/board/listings/bl-offer/answer").with(member("bea")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#needId\"")));
    }

    @Test
    void myMatchesShowWhatAndWithWhomAndTakeAnAnswer() throws Exception {
        STUB.json("GET " + TB + "/matches", "[{\"id\":\"bm-w\",\"giverId\":\"dan\",\"receiverId\":\"bea\",\"proposedBy\":\"dan\","
                + "\"giverAnswer\":\"ACCEPTED\",\"receiverAnswer\":\"PENDING\",\"status\":\"PROPOSED\",\"estimatedMinutes\":90,"
                + "\"activity\":\"A walk and a chat\"},{\"id\":\"bm-a\",\"giverId\":\"bea\",\"receiverId\":\"dan\","
                + "\"giverAnswer\":\"ACCEPTED\",\"receiverAnswer\":\"ACCEPTED\",\"status\":\"AGREED\",\"activity\":\"Gardening\"}]");
        mvc.perform(get("/matches").with(member("bea")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"accept-bm-w\"")))
                .andExpect(content().string(containsString("id=\"decline-bm-w\"")))
                .andExpect(content().string(containsString("Dan Okafor helps you")))
                .andExpect(content().string(containsString("You help Dan Okafor")))
                .andExpect(content().string(containsString("id=\"cancel-bm-a\"")));
        STUB.json("POST " + TB + "/matches/bm-w/accept", "{\"id\":\"bm-w\",\"status\":\"AGREED\"}");
        mvc.perform(post("/matches/bm-w/accept").with(member("bea")).with(csrf()))
                .andExpect(redirectedUrl("/matches?done=accept"));
        STUB.problem("POST " + TB + "/matches/bm-w/decline", 422, "not-proposed", "Ce n’est plus possible.");
        mvc.perform(post("/matches/bm-w/decline").param("lang", "fr").with(member("bea")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ce n’est plus possible.")));
        mvc.perform(get("/").with(member("bea")))
                .andExpect(content().string(containsString("href=\"/matches#match-bm-w\"")))
                .andExpect(content().string(containsString("Dan Okafor answered your listing")));
        mvc.perform(post("/matches/bm-w/accept").with(member("bea"))).andExpect(status().isForbidden());
    }
}
