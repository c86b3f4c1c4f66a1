package org.reciprocity.portal.contribution;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class ContributionPageTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void aliLoggedTwoHoursGivenToAna() {
        STUB.json("GET " + TB + "/contributions/c-1", "{\"id\":\"c-1\",\"giverId\":\"ali\",\"receiverId\":\"ana\","
                        + "\"loggedBy\":\"GIVER\",\"actorId\":\"ali\",\"awaitingValidationBy\":\"ana\",\"minutes\":120,"
                        + "\"happenedOn\":\"2026-11-28\",\"kind\":\"PRACTICAL_HELP\",\"description\":\"Moved a sofa\",\"state\":\"LOGGED\"}")
                .json("GET " + TB + "/profiles/ali", "{\"memberId\":\"ali\",\"displayName\":\"Ali\"}")
                .json("POST " + TB + "/contributions/c-1/validation", "{\"id\":\"c-1\",\"state\":\"VALIDATED\"}")
                .json("GET " + TB + "/contributions/c-2", "{\"id\":\"c-2\",\"giverId\":\"ali\",\"receiverId\":\"ana\","
                        + "\"loggedBy\":\"GIVER\",\"actorId\":\"ali\",\"minutes\":60,\"happenedOn\":\"2026-11-28\","
                        + "\"kind\":\"PRACTICAL_HELP\",\"state\":\"VALIDATED\",\"transferId\":\"t-2\",\"postedMinutes\":60,"
                        + "\"reversedBy\":\"t-3\",\"reversalReason\":\"Logged twice by mistake.\"}")
                .problem("GET " + TB + "/contributions/elsewhere", 403, "not-permitted", "You may not do that.");
    }

    @Test
    void theOtherSideMayConfirmOrDisputeButNotWithdraw() throws Exception {
        mvc.perform(get("/contributions/c-1").with(member("ana")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"time\">2 h<")))
                .andExpect(content().string(containsString("id=\"confirm\"")))
                .andExpect(content().string(containsString("id=\"dispute\"")))
                .andExpect(content().string(not(containsString("id=\"withdraw\""))));
    }

    @Test
    void whoeverLoggedItMayWithdrawButNotConfirm() throws Exception {
        mvc.perform(get("/contributions/c-1").with(member("ali")))
                .andExpect(content().string(containsString("id=\"withdraw\"")))
                .andExpect(content().string(not(containsString("id=\"confirm\""))));
    }

    @Test
    void bothMembersSeeWhyTheTimeWasTakenBack() throws Exception {
        for (String who : new String[] {"ana", "ali"}) {
            mvc.perform(get("/contributions/c-2").with(member(who)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Why the time was taken back")))
                    .andExpect(content().string(containsString("id=\"reversal-reason\">Logged twice by mistake.<")));
        }
    }

    @Test
    void noReasonRowForTimeThatWasNotTakenBack() throws Exception {
        mvc.perform(get("/contributions/c-1").with(member("ana")))
                .andExpect(content().string(not(containsString("id=\"reversal-reason\""))));
    }

    @Test
    void confirmingSendsTheThankYouNote() throws Exception {
        mvc.perform(post("/contributions/c-1/confirm").param("note", "Thank you!").with(member("ana")).with(csrf()))
                .andExpect(redirectedUrl("/contributions/c-1"));
        assertThat(STUB.last("POST", TB + "/contributions/c-1/validation").body()).contains("\"note\":\"Thank you!\"");
    }

    @Test
    void confirmingWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/contributions/c-1/confirm").param("note", "x").with(member("ana")))
                .andExpect(status().isForbidden());
    }

    @Test
    void whatTheLedgerDoesNotLetTheMemberSeeIsAPlain403Page() throws Exception {
        mvc.perform(get("/contributions/elsewhere").with(member("ana")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("govuk-heading-l")));
    }
}
