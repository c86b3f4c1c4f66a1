package org.reciprocity.portal.members;

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
import org.springframework.test.web.servlet.MockMvc;

/** A coordinator's member pages: kept to coordinators, in both languages, and bad input changes nothing. */
class MemberPagesTest extends PortalTest {

    static final String PAT = "{\"id\":\"pat\",\"displayName\":\"Pat\",\"kind\":\"SERVICE_USER\",\"language\":\"en\","
            + "\"status\":\"ACTIVE\",\"paperFirst\":true,\"contact\":\"Tuesday group\",\"consent\":{\"agreedTo\":"
            + "\"Pat agreed that Cora logs for them\",\"recordedBy\":\"cora\",\"recordedAt\":\"2026-11-30T10:00:00Z\"},"
            + "\"registeredAt\":\"2026-11-30T10:00:00Z\",\"lastActivityAt\":\"2026-11-30T10:00:00Z\"}";

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void aTimebankWithPat() {
        STUB.json("GET " + TB + "/members", "{\"total\":26,\"page\":0,\"size\":25,\"members\":[{\"id\":\"pat\","
                        + "\"displayName\":\"Pat\",\"kind\":\"SERVICE_USER\",\"status\":\"ACTIVE\",\"paperFirst\":true,"
                        + "\"registeredAt\":\"2026-11-30T10:00:00Z\",\"lastActivityAt\":\"2026-11-30T10:00:00Z\"}]}")
                .json("GET " + TB + "/members/pat/record", PAT)
                .json("GET " + TB + "/members/pat/statement", "[]")
                .json("GET " + TB + "/members/pat/listings", "[]")
                .json("GET " + TB + "/members/pat/matches", "[]")
                .json("GET " + TB + "/members/pat/supporters", "{\"supporterIds\":[]}")
                .json("GET " + TB + "/members/gone/record", "{\"id\":\"gone\",\"kind\":\"SERVICE_USER\",\"status\":\"ACTIVE\","
                        + "\"registeredAt\":\"2026-11-30T10:00:00Z\"}")
                .json("GET " + TB + "/members/gone/statement", "[]")
                .json("GET " + TB + "/members/gone/listings", "[]")
                .json("GET " + TB + "/members/gone/matches", "[]")
                .json("GET " + TB + "/members/gone/supporters", "{\"supporterIds\":[]}")
                .answer("POST " + TB + "/paper-first-members", 201, "application/json", PAT)
                .answer("POST " + TB + "/contributions", 201, "application/json", "{\"id\":\"c-9\",\"minutes\":60}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/coordinator/members", "/coordinator/members/new", "/coordinator/members/pat",
            "/coordinator/members/pat/edit", "/coordinator/members/pat/hours"})
    void aMemberWhoIsNotACoordinatorCannotOpenThem(String page) throws Exception {
        mvc.perform(get(page).with(member("ana"))).andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/coordinator/members/new", "/coordinator/members/pat/edit", "/coordinator/members/pat/suspend",
            "/coordinator/members/pat/reactivate", "/coordinator/members/pat/invite", "/coordinator/members/pat/hours",
            "/coordinator/members/pat/supporters"})
    void aMemberWhoIsNotACoordinatorCannotChangeAnything(String action) throws Exception {
        STUB.clear();
        mvc.perform(post(action).with(member("ana")).with(csrf()).param("reason", "x").param("name", "X"))
                .andExpect(status().isForbidden());
        assertThat(STUB.received()).noneMatch(r -> r.method().equals("POST") || r.method().equals("PATCH"));
    }

    @Test
    void theListShowsEachMemberWithTheirKindStatusAndLastActivityAPageAtATime() throws Exception {
        mvc.perform(get("/coordinator/members").param("name", "pa").param("page", "1").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/coordinator/members/pat\"")))
                .andExpect(content().string(containsString("Someone we support")))
                .andExpect(content().string(containsString("26 members")))
                .andExpect(content().string(containsString("id=\"next-page\"")));
        assertThat(STUB.last("GET", TB + "/members").query()).contains("name=pa", "page=0", "size=25");
    }

    @Test
    void aPaperFirstMemberIsRegisteredWithTheConsentTheyGave() throws Exception {
        mvc.perform(post("/coordinator/members/new").with(coordinator()).with(csrf()).param("name", "Pat")
                        .param("kind", "SERVICE_USER").param("language", "en").param("contact", "Tuesday group")
                        .param("consent", "Pat agreed that Cora logs for them"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/coordinator/members/pat?done=registered"));
        assertThat(STUB.last("POST", TB + "/paper-first-members").body())
                .contains("\"displayName\":\"Pat\"", "\"consent\":\"Pat agreed that Cora logs for them\"",
                        "\"contact\":\"Tuesday group\"");
    }

    @Test
    void withoutConsentWrittenDownNobodyIsRegistered() throws Exception {
        STUB.clear();
        mvc.perform(post("/coordinator/members/new").with(coordinator()).with(csrf()).param("name", "Pat")
                        .param("kind", "SERVICE_USER").param("language", "fr").param("consent", " ").param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("href=\"#consent\"")))
                .andExpect(content().string(containsString("Notez ce qu’il a accepté")));
        assertThat(STUB.last("POST", TB + "/paper-first-members")).isNull();
    }

    @Test
    void aFormWithOnlyANameSaysWhatIsMissing() throws Exception {
        STUB.clear();
        mvc.perform(post("/coordinator/members/new").with(coordinator()).with(csrf()).param("name", "Pat"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#kind\"")))
                .andExpect(content().string(containsString("href=\"#consent\"")));
        assertThat(STUB.last("POST", TB + "/paper-first-members")).isNull();
    }

    @Test
    void theRecordShowsTheConsentAndOffersToLogHoursForThem() throws Exception {
        mvc.perform(get("/coordinator/members/pat").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pat agreed that Cora logs for them")))
                .andExpect(content().string(containsString("Written down by you")))
                .andExpect(content().string(containsString("href=\"/coordinator/members/pat/hours\"")))
                .andExpect(content().string(containsString("Does not sign in")));
    }

    @Test
    void aCoordinatorLogsHoursForThemAndTheLedgerIsToldItIsTheMembersTime() throws Exception {
        mvc.perform(post("/coordinator/members/pat/hours").with(coordinator()).with(csrf()).param("direction", "GAVE")
                        .param("counterpart", "ali").param("date-day", "30").param("date-month", "11")
                        .param("date-year", "2026").param("hours", "1").param("minutes", "0").param("kind", "PEER_SUPPORT"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/coordinator/members/pat?done=logged&contribution=c-9"));
        assertThat(STUB.last("POST", TB + "/contributions").body())
                .contains("\"side\":\"GIVER\"", "\"giverId\":\"pat\"", "\"receiverId\":\"ali\"", "\"minutes\":60");
    }

    @Test
    void hoursWithoutATimeAreNotLogged() throws Exception {
        STUB.clear();
        mvc.perform(post("/coordinator/members/pat/hours").with(coordinator()).with(csrf()).param("direction", "GAVE")
                        .param("counterpart", "ali").param("date-day", "30").param("date-month", "11")
                        .param("date-year", "2026").param("hours", "").param("minutes", "").param("kind", "PEER_SUPPORT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#hours\"")));
        assertThat(STUB.last("POST", TB + "/contributions")).isNull();
    }

    @Test
    void suspendingNeedsAReasonAndThenTellsTheLedgerAndIdentity() throws Exception {
        STUB.clear();
        mvc.perform(post("/coordinator/members/pat/suspend").with(coordinator()).with(csrf()).param("reason", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#status-reason\"")));
        assertThat(STUB.last("POST", TB + "/members/pat/suspension")).isNull();

        STUB.json("POST " + TB + "/members/pat/suspension", PAT).json("POST " + TB + "/accounts/pat/suspension", "{}");
        mvc.perform(post("/coordinator/members/pat/suspend").with(coordinator()).with(csrf()).param("reason", "Asked for a break"))
                .andExpect(redirectedUrl("/coordinator/members/pat?done=suspended"));
        assertThat(STUB.last("POST", TB + "/members/pat/suspension").body()).contains("Asked for a break");
        assertThat(STUB.last("POST", TB + "/accounts/pat/suspension")).isNotNull();
    }

    @Test
    void badDetailsChangeNothing() throws Exception {
        STUB.clear();
        mvc.perform(post("/coordinator/members/pat/edit").with(coordinator()).with(csrf()).param("name", "Pat")
                        .param("email", "not an address").param("language", "en").param("kind", "CARER"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#email\"")));
        assertThat(STUB.received()).noneMatch(r -> r.method().equals("PATCH"));
    }

    @Test
    void correctedDetailsReachIdentityThenTheLedger() throws Exception {
        STUB.answer("PATCH " + TB + "/members/pat", 200, "application/json", PAT)
                .json("PUT " + TB + "/accounts/pat/email", "{\"memberId\":\"pat\",\"status\":\"ACTIVE\"}");
        mvc.perform(post("/coordinator/members/pat/edit").with(coordinator()).with(csrf()).param("name", "Patricia")
                        .param("email", "patricia@example.org").param("language", "fr").param("kind", "CARER"))
                .andExpect(redirectedUrl("/coordinator/members/pat?done=edited"));
        assertThat(STUB.last("PUT", TB + "/accounts/pat/email").body()).contains("patricia@example.org");
        assertThat(STUB.last("PATCH", TB + "/members/pat").body())
                .contains("\"displayName\":\"Patricia\"", "\"language\":\"fr\"", "\"kind\":\"CARER\"");
    }

    @Test
    void anInvitationGoesThroughIdentityWithTheirEmail() throws Exception {
        STUB.answer("PATCH " + TB + "/members/pat", 200, "application/json", PAT)
                .answer("POST " + TB + "/invitations", 201, "application/json", "{\"memberId\":\"pat\",\"status\":\"INVITED\"}");
        mvc.perform(post("/coordinator/members/pat/invite").with(coordinator()).with(csrf()).param("email", "pat@example.org"))
                .andExpect(redirectedUrl("/coordinator/members/pat?done=invited"));
        assertThat(STUB.last("POST", TB + "/invitations").body()).contains("\"memberId\":\"pat\"", "pat@example.org");
    }

    @Test
    void anErasedMembersRecordStartsWithACapital() throws Exception {
        mvc.perform(get("/coordinator/members/gone").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>A former member: member record")))
                .andExpect(content().string(containsString("id=\"member-name\">A former member<")));
        mvc.perform(get("/coordinator/members/gone").param("lang", "fr").with(coordinator()))
                .andExpect(content().string(containsString("id=\"member-name\">Un ancien membre<")));
    }

    @Test
    void anErasedMemberInTheListStartsItsCellWithACapital() throws Exception {
        String withPat = "{\"total\":26,\"page\":0,\"size\":25,\"members\":[{\"id\":\"pat\","
                + "\"displayName\":\"Pat\",\"kind\":\"SERVICE_USER\",\"status\":\"ACTIVE\",\"paperFirst\":true,"
                + "\"registeredAt\":\"2026-11-30T10:00:00Z\",\"lastActivityAt\":\"2026-11-30T10:00:00Z\"}]}";
        STUB.json("GET " + TB + "/members", "{\"total\":1,\"page\":0,\"size\":25,\"members\":[{\"id\":\"gone\","
                + "\"kind\":\"SERVICE_USER\",\"status\":\"ACTIVE\",\"paperFirst\":false,"
                + "\"registeredAt\":\"2026-11-30T10:00:00Z\"}]}");
        try {
            mvc.perform(get("/coordinator/members").with(coordinator()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(">A former member</a>")));
            mvc.perform(get("/coordinator/members").param("lang", "fr").with(coordinator()))
                    .andExpect(content().string(containsString(">Un ancien membre</a>")));
        } finally {
            STUB.json("GET " + TB + "/members", withPat);
        }
    }

    @Test
    void theRecordIsInFrench() throws Exception {
        mvc.perform(get("/coordinator/members/pat").param("lang", "fr").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Noter des heures pour lui")))
                .andExpect(content().string(not(containsString("??"))));
    }

    static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor coordinator() {
        return member("cora", "MEMBER", "COORDINATOR");
    }
}
