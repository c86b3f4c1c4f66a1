package org.reciprocity.portal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 17, are the records whole: the ledger's last check of its hash chain in plain words (whole, or
 * broken at an entry), when it ran in the timebank's zone, what it read; an admin asks for a check now,
 * others are not offered it and are refused before the ledger is asked; a member gets 403.
 */
class ReviewIntegrityTest extends PortalTest {

    static final String LATEST = TB + "/ledger/verification/latest";
    static final String RUNS = TB + "/ledger/verification/runs";
    static final String WHOLE = "{\"timebankId\":\"demo\",\"intact\":true,\"ranAt\":\"2026-11-30T23:30:00Z\",\"entriesChecked\":120,"
            + "\"checkpointsChecked\":3,\"brokenAtSequence\":null,\"problem\":null,\"requestedBy\":null}";
    static final String BROKEN = "{\"timebankId\":\"demo\",\"intact\":false,\"ranAt\":\"2026-11-30T10:00:00Z\",\"entriesChecked\":40,"
            + "\"checkpointsChecked\":1,\"brokenAtSequence\":41,\"problem\":\"Entry 41: its hash does not match\","
            + "\"requestedBy\":\"ada\"}";

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void forget() {
        STUB.clear();
    }

    @Test
    void staffReadThatTheRecordsAreWholeWhenInTheTimebanksZoneAndAreNotOfferedACheck() throws Exception {
        STUB.json("GET " + LATEST, WHOLE);
        String page = mvc.perform(get("/review/integrity").with(member("sue", "MEMBER", "STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"integrity-whole\"", ">Whole<", "All 120 entries were read again. None was changed.",
                // 23:30 UTC is half past midnight the next day in Paris, the timebank's zone
                "1 December 2026 at 12:30am", "The regular check", ">3<", "What is checked")
                .doesNotContain("id=\"run-check\"", "id=\"integrity-broken\"", "??");
        assertThat(STUB.last("GET", LATEST).authorization()).startsWith("Bearer ");
    }

    @Test
    void aBrokenChainSaysWhichEntryAndWhatToDoAndAnAdminMayCheckNow() throws Exception {
        STUB.json("GET " + LATEST, BROKEN);
        String page = mvc.perform(get("/review/integrity").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"integrity-broken\"", ">Broken<", "Entry 41 is not as it was written.",
                "Tell the tech team today.", "An admin", "Entry 41: its hash does not match", "id=\"run-check\"",
                "action=\"/review/integrity/check\"", "name=\"_csrf\"");
    }

    @Test
    void beforeTheFirstCheckThePageSaysSoAndWhenTheLedgerIsAwayItSaysThat() throws Exception {
        STUB.problem("GET " + LATEST, 404, "not-verified-yet", "No verification yet.");
        mvc.perform(get("/review/integrity").with(member("cora", "MEMBER", "COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("No check has run yet.")));
        STUB.problem("GET " + LATEST, 503, "unavailable", "Away.");
        mvc.perform(get("/review/integrity").with(member("cora", "MEMBER", "COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("We cannot read the result just now.")));
    }

    @Test
    void anAdminAsksForACheckNowAndIsToldItRan() throws Exception {
        STUB.json("POST " + RUNS, WHOLE);
        mvc.perform(post("/review/integrity/check").with(csrf()).with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(redirectedUrl("/review/integrity"))
                .andExpect(flash().attribute("done", "checked"));
        assertThat(STUB.last("POST", RUNS).authorization()).startsWith("Bearer ");

        STUB.problem("POST " + RUNS, 409, "verification-running", "Running.");
        mvc.perform(post("/review/integrity/check").with(csrf()).with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(flash().attribute("done", "running"));
    }

    @Test
    void onlyAnAdminMayAskAndAMemberMayNotRead() throws Exception {
        mvc.perform(post("/review/integrity/check").with(csrf()).with(member("sue", "MEMBER", "STAFF")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/review/integrity/check").with(member("ada", "MEMBER", "ADMIN"))).andExpect(status().isForbidden());
        mvc.perform(get("/review/integrity").with(member("mo", "MEMBER"))).andExpect(status().isForbidden());
        assertThat(STUB.received()).noneMatch(r -> r.path().startsWith(TB + "/ledger/verification"));
    }

    @Test
    void thePageIsInFrench() throws Exception {
        STUB.json("GET " + LATEST, WHOLE);
        String page = mvc.perform(get("/review/integrity").param("lang", "fr").with(member("sue", "MEMBER", "STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Les registres sont-ils intacts", "Les 120 lignes ont été relues.", "1 décembre 2026 à 00h30")
                .doesNotContain("??");
    }
}
