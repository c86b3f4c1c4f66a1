package org.reciprocity.portal.admin;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 16, admin: the pages are the admins' alone (a member and a coordinator get 403), each is in
 * English and French, bad input is shown back and sends nothing, and what is sent is what the admin chose.
 */
class AdminPagesTest extends PortalTest {

    static final String POLICY = "{\"zoneId\":\"Europe/Paris\",\"validationWindowDays\":14,\"reminderHoursBeforeDeadline\":[168,48,24],"
            + "\"memberMinimumMinutes\":-600,\"memberMaximumMinutes\":6000,\"organisationMinimumMinutes\":-60000,"
            + "\"organisationMaximumMinutes\":6000000,\"warningMarginMinutes\":120,\"logOnBehalfAllowed\":true,"
            + "\"kinds\":[\"PEER_SUPPORT\"]}";

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void services() {
        STUB.json("GET " + TB + "/policy", POLICY)
                .json("PUT " + TB + "/policy", POLICY)
                .json("GET " + TB + "/organisations/o-cafe", "{\"id\":\"o-cafe\",\"name\":\"Riverside Cafe\","
                        + "\"staffIds\":[\"kim\"],\"offers\":[\"A lunch\",\"A swim\"]}")
                .json("PUT " + TB + "/organisations/o-cafe", "{\"id\":\"o-cafe\",\"name\":\"Riverside Cafe\"}")
                .json("PUT " + TB + "/organisations/o-cafe/staff", "{\"id\":\"o-cafe\",\"name\":\"Riverside Cafe\"}")
                .json("GET " + TB + "/profiles/kim", "{\"memberId\":\"kim\",\"displayName\":\"Kim Lowe\"}")
                .json("GET " + TB + "/profiles/ada", "{\"memberId\":\"ada\",\"displayName\":\"Ada Admin\"}")
                .json("GET " + TB + "/accounts/kim", "{\"memberId\":\"kim\",\"roles\":[\"MEMBER\"],\"status\":\"ACTIVE\"}")
                .json("PUT " + TB + "/accounts/kim/roles", "{\"memberId\":\"kim\",\"roles\":[\"MEMBER\",\"COORDINATOR\"]}")
                .json("GET " + TB + "/accounts/ada", "{\"memberId\":\"ada\",\"roles\":[\"MEMBER\",\"ADMIN\"],\"status\":\"ACTIVE\"}")
                .problem("PUT " + TB + "/accounts/ada/roles", 409, "last-admin",
                        "You are the only admin of this timebank. Give someone else the admin role first.")
                .json("GET " + TB + "/accounts/o-cafe", "{\"id\":\"o-cafe\",\"balance\":-90}")
                .json("GET " + TB + "/members/o-cafe/statement", "[{\"sequence\":1,\"postedAt\":\"2026-11-03T10:00:00+01:00\","
                        + "\"reason\":\"REDEMPTION\",\"direction\":\"OUT\",\"minutes\":90,\"balanceAfter\":-90,\"description\":\"Lunch for Kim\"}]")
                .json("GET " + TB + "/audit", "{\"total\":2,\"entries\":["
                        + "{\"id\":\"e2\",\"at\":\"2026-11-30T15:04:00Z\",\"by\":\"ada\",\"action\":\"ROLES_CHANGED\",\"subjectId\":\"kim\","
                        + "\"changes\":[{\"what\":\"roles\",\"from\":\"MEMBER\",\"to\":\"MEMBER,COORDINATOR\"}]},"
                        + "{\"id\":\"e1\",\"at\":\"2026-11-30T15:00:00Z\",\"by\":\"ada\",\"action\":\"POLICY_CHANGED\",\"subjectId\":\"demo\","
                        + "\"subjectName\":\"Demo\",\"changes\":[{\"what\":\"memberMinimumMinutes\",\"from\":\"-600\",\"to\":\"-1200\"}]}]}");
    }

    @BeforeEach
    void organisationsAndPeople() {
        // answered here, not once: other pages' tests answer the same paths with their own lists
        STUB.json("GET " + TB + "/organisations", "[{\"id\":\"o-cafe\",\"name\":\"Riverside Cafe\",\"offers\":[\"A lunch\"]}]")
                .json("GET " + TB + "/directory", "[{\"memberId\":\"kim\",\"displayName\":\"Kim Lowe\"}]");
        STUB.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin/policy", "/admin/organisations", "/admin/organisations/o-cafe", "/admin/roles",
            "/admin/roles/kim", "/admin/pot", "/admin/audit"})
    void aMemberAndACoordinatorGet403AndNoServiceIsAsked(String page) throws Exception {
        mvc.perform(get(page).with(member("cora", "MEMBER"))).andExpect(status().isForbidden());
        mvc.perform(get(page).with(member("cora", "MEMBER", "COORDINATOR"))).andExpect(status().isForbidden());
        mvc.perform(post(page).with(member("cora", "MEMBER", "COORDINATOR")).with(csrf())).andExpect(status().isForbidden());
        assertThat(STUB.received()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"/admin, en, Run the timebank", "/admin, fr, Gérer la banque de temps",
            "/admin/policy, en, Now: members may go down to -10 h.", "/admin/policy, fr, les membres peuvent descendre jusqu’à -10 h.",
            "/admin/organisations, en, Add an organisation", "/admin/organisations, fr, Ajouter une organisation",
            "/admin/organisations/o-cafe, en, Kim Lowe", "/admin/organisations/o-cafe, fr, Personnel",
            "/admin/organisations/o-cafe?person=ki, en, Add", "/admin/organisations/o-cafe?person=ki, fr, Ajouter",
            "/admin/roles?name=kim, en, Kim Lowe", "/admin/roles?name=kim, fr, Trouver une personne",
            "/admin/roles/kim, en, This starts the next time Kim Lowe signs in", "/admin/roles/kim, fr, prochaine connexion de Kim Lowe",
            "/admin/pot, en, There is no pot set up", "/admin/pot?organisation=o-cafe, fr, Lunch for Kim",
            "/admin/audit, en, Changed the roles of Kim Lowe", "/admin/audit, fr, de -10 h à -20 h"})
    void everyPageIsInEnglishAndFrenchForAnAdmin(String page, String language, String words) throws Exception {
        mvc.perform(get(page).param("lang", language).with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"" + language + "\"")))
                .andExpect(content().string(containsString(words)))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void theAuditSaysWhoAndWhenInTheTimebanksZoneNewestFirst() throws Exception {
        String page = mvc.perform(get("/admin/audit").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ada Admin", "Changed the policy", "Lowest balance for members: from -10 h to -20 h",
                "Roles: from Member to Member, Coordinator", "4:04");
        assertThat(page.indexOf("Changed the roles of Kim Lowe")).as("newest first").isLessThan(page.indexOf("Changed the policy"));
    }

    @ParameterizedTest
    @CsvSource({"memberMinimumHours, ten", "memberMinimumMinutes, 75", "memberMaximumHours, -3", "validationWindowDays, 0",
            "validationWindowDays, 91", "reminders, 24 soon", "reminders, 400", "warningMarginHours, 80"})
    void aPolicyThatIsNotRightIsShownBackWithWhatToFixAndNothingIsSent(String field, String value) throws Exception {
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>(java.util.Map.of("memberMinimumHours", "10",
                "memberMinimumMinutes", "0", "memberMaximumHours", "100", "memberMaximumMinutes", "0",
                "organisationMinimumHours", "1000", "organisationMinimumMinutes", "0", "warningMarginHours", "2",
                "warningMarginMinutes", "0", "validationWindowDays", "14"));
        form.put("reminders", "168, 48, 24");
        form.put(field, value);
        org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request = post("/admin/policy")
                .with(member("ada", "MEMBER", "ADMIN")).with(csrf());
        form.forEach(request::param);
        mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("value=\"" + value + "\"")));
        assertThat(STUB.last("PUT", TB + "/policy")).as("nothing sent").isNull();
    }

    @Test
    void aNewLimitIsSentInMinutesBelowZeroAndWhatTheFormDoesNotShowIsKept() throws Exception {
        mvc.perform(post("/admin/policy").with(member("ada", "MEMBER", "ADMIN")).with(csrf())
                        .param("memberMinimumHours", "20").param("memberMinimumMinutes", "30")
                        .param("memberMaximumHours", "100").param("memberMaximumMinutes", "0")
                        .param("organisationMinimumHours", "1000").param("organisationMinimumMinutes", "0")
                        .param("warningMarginHours", "2").param("warningMarginMinutes", "0")
                        .param("validationWindowDays", "21").param("reminders", "72; 24"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/policy?saved=true"));
        assertThat(STUB.last("PUT", TB + "/policy").body()).contains("\"memberMinimumMinutes\":-1230",
                "\"validationWindowDays\":21", "\"reminderHoursBeforeDeadline\":[72,24]", "\"zoneId\":\"Europe/Paris\"",
                "\"organisationMaximumMinutes\":6000000", "\"kinds\":[\"PEER_SUPPORT\"]");
    }

    @Test
    void aRoleIsGrantedThroughIdentityAndAnUnknownOneSendsNothing() throws Exception {
        mvc.perform(post("/admin/roles/kim").with(member("ada", "MEMBER", "ADMIN")).with(csrf()).param("roles", "COORDINATOR"))
                .andExpect(redirectedUrl("/admin/roles/kim?saved=true"));
        assertThat(STUB.last("PUT", TB + "/accounts/kim/roles").body()).isEqualTo("{\"roles\":[\"MEMBER\",\"COORDINATOR\"]}");
        STUB.clear();
        mvc.perform(post("/admin/roles/kim").with(member("ada", "MEMBER", "ADMIN")).with(csrf()).param("roles", "KING"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Choose from the roles shown.")));
        assertThat(STUB.last("PUT", TB + "/accounts/kim/roles")).isNull();
    }

    @Test
    void theLastAdminGivingUpTheirRoleIsToldWhyInTheirLanguage() throws Exception {
        mvc.perform(post("/admin/roles/ada").with(member("ada", "MEMBER", "ADMIN")).with(csrf()).param("roles", "COORDINATOR"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You are the only admin of this timebank.")))
                .andExpect(content().string(containsString("id=\"roles-self\"")));
    }

    @Test
    void anOrganisationsOffersAreSentOneALineAndABlankNameSendsNothing() throws Exception {
        mvc.perform(post("/admin/organisations/o-cafe").with(member("ada", "MEMBER", "ADMIN")).with(csrf())
                        .param("name", " Riverside Café ").param("offers", "A lunch\r\n\r\nA swim\nA lunch"))
                .andExpect(redirectedUrl("/admin/organisations/o-cafe?done=saved"));
        assertThat(STUB.last("PUT", TB + "/organisations/o-cafe").body())
                .isEqualTo("{\"name\":\"Riverside Café\",\"offers\":[\"A lunch\",\"A swim\"]}");
        STUB.clear();
        mvc.perform(post("/admin/organisations/o-cafe").with(member("ada", "MEMBER", "ADMIN")).with(csrf())
                        .param("name", "  ").param("offers", "A lunch"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("govuk-error-summary")));
        assertThat(STUB.last("PUT", TB + "/organisations/o-cafe")).isNull();
    }

    @Test
    void staffArePickedByNameAndRemovedByButton() throws Exception {
        mvc.perform(post("/admin/organisations/o-cafe/staff").with(member("ada", "MEMBER", "ADMIN")).with(csrf())
                        .param("action", "add:ali"))
                .andExpect(redirectedUrl("/admin/organisations/o-cafe?done=staff"));
        assertThat(STUB.last("PUT", TB + "/organisations/o-cafe/staff").body()).isEqualTo("{\"staffIds\":[\"kim\",\"ali\"]}");
        mvc.perform(post("/admin/organisations/o-cafe/staff").with(member("ada", "MEMBER", "ADMIN")).with(csrf())
                        .param("action", "remove:kim"))
                .andExpect(redirectedUrl("/admin/organisations/o-cafe?done=staff"));
        assertThat(STUB.last("PUT", TB + "/organisations/o-cafe/staff").body()).isEqualTo("{\"staffIds\":[]}");
        STUB.clear();
        mvc.perform(post("/admin/organisations/o-cafe/staff").with(member("ada", "MEMBER", "ADMIN")).with(csrf())
                        .param("action", "add:<script>"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("govuk-error-summary")));
        assertThat(STUB.last("PUT", TB + "/organisations/o-cafe/staff")).isNull();
    }
}
