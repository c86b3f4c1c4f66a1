package org.reciprocity.portal.casework;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/** A coordinator's casework: disputes, confirming on behalf, reversals, group activities; coordinators only. */
class CaseworkPagesTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void contributionsInEachState() {
        STUB.json("GET " + TB + "/contributions/d-1", "{\"id\":\"d-1\",\"giverId\":\"sam\",\"receiverId\":\"ali\","
                        + "\"actorId\":\"sam\",\"minutes\":90,\"happenedOn\":\"2026-11-28\",\"kind\":\"PEER_SUPPORT\","
                        + "\"state\":\"DISPUTED\",\"note\":\"It was one hour\",\"decidedBy\":\"ali\",\"postedMinutes\":0}")
                .json("GET " + TB + "/contributions/w-1", "{\"id\":\"w-1\",\"giverId\":\"sam\",\"receiverId\":\"ali\","
                        + "\"actorId\":\"sam\",\"awaitingValidationBy\":\"ali\",\"minutes\":60,\"happenedOn\":\"2026-11-28\","
                        + "\"kind\":\"PEER_SUPPORT\",\"state\":\"LOGGED\",\"postedMinutes\":0}")
                .json("GET " + TB + "/contributions/v-1", "{\"id\":\"v-1\",\"giverId\":\"sam\",\"receiverId\":\"ali\","
                        + "\"actorId\":\"sam\",\"minutes\":60,\"happenedOn\":\"2026-11-28\",\"kind\":\"PEER_SUPPORT\","
                        + "\"state\":\"VALIDATED\",\"transferId\":\"t-v-1\",\"postedMinutes\":60}")
                .json("GET " + TB + "/contributions/x-1", "{\"id\":\"x-1\",\"giverId\":\"sam\",\"receiverId\":\"ali\","
                        + "\"actorId\":\"sam\",\"minutes\":60,\"happenedOn\":\"2026-11-28\",\"kind\":\"PEER_SUPPORT\","
                        + "\"state\":\"VALIDATED\",\"transferId\":\"t-x-1\",\"postedMinutes\":60,\"reversedBy\":\"r:t-x-1\","
                        + "\"reversalReason\":\"Logged twice by mistake.\"}")
                .json("GET " + TB + "/profiles/sam", "{\"memberId\":\"sam\",\"displayName\":\"Sam\"}")
                .json("GET " + TB + "/profiles/ali", "{\"memberId\":\"ali\",\"displayName\":\"Ali\"}")
                .json("GET " + TB + "/organisations", "[{\"id\":\"org-1\",\"name\":\"Recovery college\"}]")
                .json("POST " + TB + "/contributions/d-1/resolution", "{}")
                .json("POST " + TB + "/contributions/w-1/validation", "{}")
                .answer("POST " + TB + "/transfers/t-v-1/reversal", 201, "application/json", "{\"transferId\":\"r:t-v-1\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/coordinator/contributions/d-1", "/coordinator/group-activities/new"})
    void aMemberWhoIsNotACoordinatorCannotOpenThem(String page) throws Exception {
        mvc.perform(get(page).with(member("ana"))).andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/coordinator/contributions/d-1/resolve", "/coordinator/contributions/d-1/reject",
            "/coordinator/contributions/w-1/confirm", "/coordinator/contributions/v-1/reverse",
            "/coordinator/group-activities/new"})
    void aMemberWhoIsNotACoordinatorCannotChangeAnything(String action) throws Exception {
        STUB.clear();
        mvc.perform(post(action).with(member("ana")).with(csrf()).param("reason", "x").param("note", "x")
                        .param("hours", "1")).andExpect(status().isForbidden());
        assertThat(STUB.received()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void aDisputeIsSettledWithAmendedMinutesAndWordsBothMembersSee() throws Exception {
        mvc.perform(get("/coordinator/contributions/d-1").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("It was one hour")))
                .andExpect(content().string(containsString("id=\"resolve\"")))
                .andExpect(content().string(containsString("id=\"reject\"")));
        mvc.perform(post("/coordinator/contributions/d-1/resolve").with(coordinator()).with(csrf())
                        .param("hours", "1").param("minutes", "0").param("note", "We agreed on one hour."))
                .andExpect(redirectedUrl("/coordinator/contributions/d-1?done=resolved"));
        assertThat(STUB.last("POST", TB + "/contributions/d-1/resolution").body())
                .contains("\"minutes\":60", "\"note\":\"We agreed on one hour.\"");
    }

    @Test
    void aSettlementWithoutWordsChangesNothing() throws Exception {
        STUB.clear();
        mvc.perform(post("/coordinator/contributions/d-1/resolve").with(coordinator()).with(csrf())
                        .param("hours", "1").param("minutes", "0").param("note", "").param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#resolve-note\"")))
                .andExpect(content().string(containsString("Écrivez ce que vous avez décidé")));
        assertThat(STUB.last("POST", TB + "/contributions/d-1/resolution")).isNull();
    }

    @Test
    void confirmingOnBehalfRecordsTheReason() throws Exception {
        mvc.perform(post("/coordinator/contributions/w-1/confirm").with(coordinator()).with(csrf())
                        .param("reason", "Ali told me by phone; he has no computer."))
                .andExpect(redirectedUrl("/coordinator/contributions/w-1?done=confirmed"));
        assertThat(STUB.last("POST", TB + "/contributions/w-1/validation").body()).contains("he has no computer");
    }

    @Test
    void aPostedTransferIsReversedWithAReason() throws Exception {
        mvc.perform(get("/coordinator/contributions/v-1").with(coordinator()))
                .andExpect(content().string(containsString("id=\"reverse\"")));
        mvc.perform(post("/coordinator/contributions/v-1/reverse").with(coordinator()).with(csrf())
                        .param("reason", "Logged twice by mistake"))
                .andExpect(redirectedUrl("/coordinator/contributions/v-1?done=reversed"));
        assertThat(STUB.last("POST", TB + "/transfers/t-v-1/reversal").body()).contains("Logged twice by mistake");
    }

    @Test
    void aTransferAlreadyReversedSaysSoAndOffersNoSecondReversal() throws Exception {
        mvc.perform(get("/coordinator/contributions/x-1").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"already-reversed\"")))
                .andExpect(content().string(containsString("This transfer was reversed.")))
                .andExpect(content().string(containsString("id=\"reversal-reason\">Logged twice by mistake.<")))
                .andExpect(content().string(not(containsString("id=\"reverse\""))));
    }

    @Test
    void aGroupActivityIsRecordedThenConfirmedInOneStep() throws Exception {
        STUB.answer("POST " + TB + "/confirmed-group-activities", 201, "application/json",
                        "[{\"id\":\"ga-1:sam\",\"giverId\":\"sam\",\"receiverId\":\"org-1\",\"minutes\":120,"
                                + "\"state\":\"VALIDATED\",\"transferId\":\"t1\",\"postedMinutes\":120},"
                                + "{\"id\":\"ga-1:ali\",\"giverId\":\"ali\",\"receiverId\":\"org-1\",\"minutes\":120,"
                                + "\"state\":\"VALIDATED\",\"transferId\":\"t2\",\"postedMinutes\":120}]");
        mvc.perform(post("/coordinator/group-activities/new").with(coordinator()).with(csrf())
                        .param("requestId", "11111111-2222-3333-4444-555555555555").param("title", "Cooking group")
                        .param("organisationId", "org-1").param("kind", "SOCIAL_ACTIVITY").param("attendees", "sam", "ali")
                        .param("date-day", "28").param("date-month", "11").param("date-year", "2026")
                        .param("hours", "2").param("minutes", "0").param("action", "record"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"activity-confirmed\"")))
                .andExpect(content().string(containsString("2 transfers")));
        assertThat(STUB.last("POST", TB + "/confirmed-group-activities").body()).contains("\"organisationId\":\"org-1\"",
                "\"memberId\":\"sam\"", "\"memberId\":\"ali\"", "\"minutes\":120",
                "\"id\":\"ga-11111111-2222-3333-4444-555555555555\"");
    }

    @Test
    void aRegisterWithNobodyOnItRecordsNothing() throws Exception {
        STUB.clear();
        mvc.perform(post("/coordinator/group-activities/new").with(coordinator()).with(csrf()).param("title", "Cooking")
                        .param("organisationId", "org-1").param("kind", "SOCIAL_ACTIVITY")
                        .param("date-day", "28").param("date-month", "11").param("date-year", "2026")
                        .param("hours", "2").param("minutes", "0").param("action", "record"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#attendee-search\"")))
                .andExpect(content().string(not(containsString("??"))));
        assertThat(STUB.last("POST", TB + "/confirmed-group-activities")).isNull();
    }

    static OidcLoginRequestPostProcessor coordinator() {
        return member("cora", "MEMBER", "COORDINATOR");
    }
}
