package org.reciprocity.portal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reciprocity.portal.PortalTest;
import org.reciprocity.portal.ServiceStub;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 17, the review pages: staff, admins and coordinators read them and a member gets 403 (nothing
 * asked of review-service); what the page asks review-service is what the person chose (period,
 * filters, order, page); flags are tags saying what to do; the charts carry a title, a description and
 * a table; every table downloads as review-service's own CSV; English and French.
 */
public class ReviewPagesTest extends PortalTest {

    static final String REVIEW = TB + "/review";

    public static final String MEMBERS = "{\"period\":{\"from\":\"2026-09\",\"to\":\"2026-11\"},\"rows\":["
            + "{\"memberId\":\"pat\",\"name\":\"Pat Jones\",\"kind\":\"SERVICE_USER\",\"suspended\":false,\"givenMinutes\":0,"
            + "\"receivedMinutes\":390,\"balanceMinutes\":-390,\"reciprocityPercent\":0,\"lastActivity\":\"2026-11-20T10:00:00Z\","
            + "\"waitingValidations\":1,\"waitingSince\":\"2026-11-02T09:00:00Z\","
            + "\"flags\":[\"RECEIVED_MUCH_NEVER_GAVE\",\"LONG_WAIT_FOR_VALIDATION\"]},"
            + "{\"memberId\":\"sam\",\"name\":\"Sam Staff\",\"kind\":\"STAFF\",\"suspended\":true,\"givenMinutes\":0,"
            + "\"receivedMinutes\":0,\"balanceMinutes\":0,\"reciprocityPercent\":null,\"lastActivity\":null,"
            + "\"waitingValidations\":0,\"waitingSince\":null,\"flags\":[]}],"
            + "\"page\":0,\"size\":25,\"total\":30,\"flagged\":1,\"givenMinutes\":450,\"receivedMinutes\":480}";

    public static final String PARITY = "{\"period\":{\"from\":\"2026-10\",\"to\":\"2026-11\"},\"totalMinutes\":300,"
            + "\"matrix\":{\"SERVICE_USER\":{\"SERVICE_USER\":0,\"STAFF\":90,\"CARER\":0,\"NEIGHBOUR\":0,\"ORGANISATION\":30},"
            + "\"STAFF\":{\"SERVICE_USER\":150,\"STAFF\":0,\"CARER\":0,\"NEIGHBOUR\":0,\"ORGANISATION\":0},"
            + "\"CARER\":{\"SERVICE_USER\":0,\"STAFF\":0,\"CARER\":0,\"NEIGHBOUR\":30,\"ORGANISATION\":0},"
            + "\"NEIGHBOUR\":{\"SERVICE_USER\":0,\"STAFF\":0,\"CARER\":0,\"NEIGHBOUR\":0,\"ORGANISATION\":0},"
            + "\"ORGANISATION\":{\"SERVICE_USER\":0,\"STAFF\":0,\"CARER\":0,\"NEIGHBOUR\":0,\"ORGANISATION\":0}},"
            + "\"serviceUsers\":{\"givenMinutes\":120,\"receivedMinutes\":150,\"givenPercent\":44},"
            + "\"trend\":[{\"month\":\"2026-10\",\"totalMinutes\":120,\"matrix\":{},"
            + "\"serviceUsers\":{\"givenMinutes\":30,\"receivedMinutes\":90,\"givenPercent\":25}},"
            + "{\"month\":\"2026-11\",\"totalMinutes\":180,\"matrix\":{},"
            + "\"serviceUsers\":{\"givenMinutes\":90,\"receivedMinutes\":60,\"givenPercent\":60}}]}";

    public static final String INDICATORS = "{\"period\":{\"from\":\"2026-11\",\"to\":\"2026-11\"},\"indicators\":["
            + indicator("GOALS_JOINTLY_SET", "INDIVIDUAL", true, 90)
            + "," + indicator("TRAINING_CO_DELIVERED", "OPERATIONAL", false, 0)
            + "," + indicator("TRAINING_CONTRIBUTED", "OPERATIONAL", false, 0)
            + "," + indicator("OFFICIAL_INFORMATION", "OPERATIONAL", false, 0)
            + "," + indicator("INVOLVEMENT_MEETING", "OPERATIONAL", true, 120)
            + "," + indicator("SERVICE_CO_DESIGNED", "STRATEGIC", false, 0)
            + "," + indicator("GOVERNING_BODY", "STRATEGIC", false, 60) + "]}";

    public static final String BEHIND = "[{\"contributionId\":\"c-41\",\"kind\":\"GOALS_JOINTLY_SET\",\"happenedOn\":\"2026-11-03\","
            + "\"postedOn\":\"2026-11-04\",\"minutes\":90,\"giverKind\":\"STAFF\",\"receiverKind\":\"SERVICE_USER\","
            + "\"groupActivity\":false}]";

    static final String MEMBERS_CSV = "member_id,name,kind,suspended,given_minutes,received_minutes,balance_minutes,"
            + "reciprocity_percent,last_activity,waiting_validations,waiting_since,flags\r\npat,Pat Jones,SERVICE_USER,false,0,390,"
            + "-390,0,2026-11-20T10:00:00Z,1,2026-11-02T09:00:00Z,LONG_WAIT_FOR_VALIDATION RECEIVED_MUCH_NEVER_GAVE\r\n";

    @Autowired
    MockMvc mvc;

    private static String indicator(String kind, String level, boolean met, long minutes) {
        String figure = "{\"met\":" + met + ",\"contributions\":" + (minutes > 0 ? 1 : 0) + ",\"people\":" + (minutes > 0 ? 2 : 0)
                + ",\"minutes\":" + minutes + ",\"serviceUsers\":" + (met ? 1 : 0) + "}";
        return "{\"kind\":\"" + kind + "\",\"level\":\"" + level + "\",\"period\":" + figure
                + ",\"trend\":[{\"month\":\"2026-11\",\"figure\":" + figure + "}]}";
    }

    /** What review-service answers; also said by EveryPageInBothLanguagesTest, which may run first. */
    public static void answer(ServiceStub stub) {
        stub.json("GET " + REVIEW + "/members", MEMBERS)
                .json("GET " + REVIEW + "/parity", PARITY)
                .json("GET " + REVIEW + "/indicators", INDICATORS)
                .json("GET " + REVIEW + "/indicators/GOALS_JOINTLY_SET/contributions", BEHIND)
                .answer("GET " + REVIEW + "/members.csv", 200, "text/csv;charset=UTF-8", MEMBERS_CSV)
                .answer("GET " + REVIEW + "/parity.csv", 200, "text/csv;charset=UTF-8",
                        "giver_kind,to_service_user,to_staff,to_carer,to_neighbour,to_organisation\r\n")
                .answer("GET " + REVIEW + "/parity/months.csv", 200, "text/csv;charset=UTF-8",
                        "month,total_minutes,service_users_gave_minutes,service_users_received_minutes,service_users_gave_percent\r\n")
                .answer("GET " + REVIEW + "/indicators.csv", 200, "text/csv;charset=UTF-8",
                        "level,indicator,month,met,contributions,people,minutes,service_users\r\n")
                .answer("GET " + REVIEW + "/indicators/GOALS_JOINTLY_SET/contributions.csv", 200, "text/csv;charset=UTF-8",
                        "contribution_id,kind,happened_on,posted_on,minutes,giver_kind,receiver_kind,group_activity\r\n");
    }

    @BeforeAll
    static void reviewService() {
        answer(STUB);
        STUB.json("GET " + TB + "/organisations", "[{\"id\":\"org-1\",\"name\":\"Recovery college\"}]");
    }

    @BeforeEach
    void forget() {
        STUB.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/review", "/review/parity", "/review/indicators", "/review/indicators/goals-jointly-set",
            "/review/members.csv", "/review/parity.csv", "/review/parity/months.csv", "/review/indicators.csv",
            "/review/indicators/goals-jointly-set/contributions.csv"})
    void aMemberGets403AndReviewServiceIsNotAsked(String page) throws Exception {
        mvc.perform(get(page).with(member("mo", "MEMBER"))).andExpect(status().isForbidden());
        assertThat(STUB.received()).as("nothing asked of any service").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"STAFF, /review", "ADMIN, /review", "COORDINATOR, /review", "STAFF, /review/parity",
            "ADMIN, /review/indicators", "COORDINATOR, /review/indicators/goals-jointly-set"})
    void staffAdminsAndCoordinatorsReadTheReviewWithTheirToken(String role, String page) throws Exception {
        mvc.perform(get(page).with(member("sue", "MEMBER", role)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/review\"")))
                .andExpect(content().string(not(containsString("??"))));
        assertThat(STUB.received()).anyMatch(r -> r.path().startsWith(REVIEW) && r.authorization().startsWith("Bearer "));
    }

    @Test
    void theNavigationOffersReviewOnlyToThoseWhoMayReadIt() throws Exception {
        STUB.json("GET " + TB + "/accounts/mo", "{\"id\":\"mo\",\"balance\":0}")
                .json("GET " + TB + "/members/mo/pending-validations", "[]")
                .json("GET " + TB + "/members/mo/statement", "[]");
        mvc.perform(get("/statement").with(member("mo", "MEMBER")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/review\""))));
        mvc.perform(get("/statement").with(member("mo", "MEMBER", "STAFF")))
                .andExpect(content().string(containsString("href=\"/review\"")));
    }

    @Test
    void theReviewAsksForWhatThePersonChoseAndShowsFlagsAsThingsToDo() throws Exception {
        String page = mvc.perform(get("/review").with(member("cora", "MEMBER", "COORDINATOR"))
                        .param("period", "custom").param("fromMonth", "9").param("fromYear", "2026")
                        .param("toMonth", "11").param("toYear", "2026").param("kind", "service_user")
                        .param("organisation", "org-1").param("sort", "given").param("direction", "desc").param("page", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(STUB.last("GET", REVIEW + "/members").query()).contains("from=2026-09", "to=2026-11",
                "kind=SERVICE_USER", "organisation=org-1", "sort=given", "direction=desc", "page=1", "size=25");
        assertThat(page).contains("Figures from September 2026 to November 2026", "Pat Jones", "6 h 30 min", "-6 h 30 min",
                "0% given", "No hours moved",
                "Hours wait too long: chase the confirmation", "Received a lot, gave nothing: ask what they could offer",
                "govuk-tag--orange", "govuk-tag--blue",
                // a coordinator goes from a row to the member's page
                "href=\"/coordinator/members/pat\"",
                // the column it is sorted by, and the link that sorts it the other way
                "aria-sort=\"descending\"", "sort=given&amp;direction=asc",
                "Page 1 of 2", "id=\"review-next\"",
                "href=\"/review/members.csv?from=2026-09&amp;to=2026-11&amp;kind=SERVICE_USER&amp;organisation=org-1&amp;sort=given&amp;direction=desc\"");
        assertThat(page.indexOf("Hours wait too long")).as("the most pressing flag first")
                .isLessThan(page.indexOf("Received a lot, gave nothing"));
    }

    @Test
    void staffReadTheReviewWithoutLinksToTheCoordinatorsPages() throws Exception {
        mvc.perform(get("/review").with(member("sue", "MEMBER", "STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pat Jones")))
                .andExpect(content().string(not(containsString("/coordinator/members/pat"))));
    }

    @Test
    void aKindOrSortThePageDoesNotKnowIsDropped() throws Exception {
        mvc.perform(get("/review").with(member("sue", "MEMBER", "STAFF")).param("kind", "ORGANISATION")
                        .param("sort", "password").param("organisation", "<script>"))
                .andExpect(status().isOk());
        assertThat(STUB.last("GET", REVIEW + "/members").query()).contains("sort=name", "direction=asc")
                .doesNotContain("kind=", "organisation=");
    }

    @ParameterizedTest
    @CsvSource({"13, 2026, 11, 2026, Enter the first month", "9, 2026, 11, 26, Enter the last month",
            "11, 2026, 9, 2026, The last month must be the same", "1, 2020, 1, 2026, Choose at most 60 months"})
    void aPeriodThatIsNotRightIsShownBackAndNothingIsAsked(String fromMonth, String fromYear, String toMonth, String toYear,
                                                          String words) throws Exception {
        mvc.perform(get("/review").with(member("sue", "MEMBER", "STAFF")).param("period", "custom")
                        .param("fromMonth", fromMonth).param("fromYear", fromYear).param("toMonth", toMonth).param("toYear", toYear))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString(words)))
                .andExpect(content().string(containsString("value=\"" + toYear + "\"")));
        assertThat(STUB.last("GET", REVIEW + "/members")).as("nothing asked").isNull();
    }

    @Test
    void parityIsATableWithPicturesThatSayWhatTheyShow() throws Exception {
        String page = mvc.perform(get("/review/parity").with(member("sue", "MEMBER", "STAFF"))
                        .param("from", "2026-10").param("to", "2026-11"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(STUB.last("GET", REVIEW + "/parity").query()).contains("from=2026-10", "to=2026-11");
        assertThat(page).contains("<caption class=\"govuk-table__caption govuk-table__caption--s\">Hours given, by who gave",
                "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Staff</th>",
                "<th scope=\"row\" class=\"govuk-table__header\">Service users</th>", "2 h 30 min",
                // three pictures, each an image with a title and a description
                "id=\"flow-chart-svg-title\">Who gave time to whom</title>", "id=\"flow-chart-svg-desc\">",
                "id=\"share-chart-svg-title\"", "id=\"trend-chart-svg-title\"", "role=\"img\"",
                "aria-labelledby=\"flow-chart-svg-title flow-chart-svg-desc\"", "stroke-width=\"20.0\"",
                "44% given", "October 2026", "25% given",
                "href=\"/review/parity.csv?from=2026-10&amp;to=2026-11\"",
                "href=\"/review/parity/months.csv?from=2026-10&amp;to=2026-11\"")
                .doesNotContain("style=");
    }

    @Test
    void theIndicatorsAreByLevelEachLinkingToWhatWasCounted() throws Exception {
        String page = mvc.perform(get("/review/indicators").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Individual level", "Operational level", "Strategic level",
                "Care goals set together", "1 h 30 min", "2 h", "Not met",
                "<strong class=\"govuk-tag govuk-tag--green\">Met</strong>", "/review/indicators/goals-jointly-set?from=");
        assertThat(page.indexOf("Individual level")).isLessThan(page.indexOf("Operational level"));
        assertThat(page.indexOf("Operational level")).isLessThan(page.indexOf("Strategic level"));
    }

    @Test
    void theDrillDownShowsIdsKindsAndDates() throws Exception {
        mvc.perform(get("/review/indicators/goals-jointly-set").with(member("sue", "MEMBER", "STAFF"))
                        .param("from", "2026-11").param("to", "2026-11"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("c-41")))
                .andExpect(content().string(containsString("One counted")))
                .andExpect(content().string(containsString("3 November 2026")))
                .andExpect(content().string(containsString("1 h 30 min")))
                .andExpect(content().string(containsString("/review/indicators/goals-jointly-set/contributions.csv?from=2026-11&amp;to=2026-11")));
        assertThat(STUB.last("GET", REVIEW + "/indicators/GOALS_JOINTLY_SET/contributions").query())
                .contains("from=2026-11", "to=2026-11");
    }

    @Test
    void anIndicatorThatDoesNotExistIsNotFoundAndNothingIsAsked() throws Exception {
        mvc.perform(get("/review/indicators/peer-support").with(member("sue", "MEMBER", "STAFF")))
                .andExpect(status().isNotFound());
        assertThat(STUB.received()).noneMatch(r -> r.path().startsWith(REVIEW));
    }

    @Test
    void theReviewDownloadsAsReviewServicesOwnCsv() throws Exception {
        mvc.perform(get("/review/members.csv").with(member("sue", "MEMBER", "STAFF"))
                        .param("from", "2026-09").param("to", "2026-11").param("kind", "CARER").param("sort", "balance"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition",
                        containsString("attachment; filename=\"reciprocity-review-2026-09-2026-11.csv\"")))
                .andExpect(content().string(MEMBERS_CSV));
        assertThat(STUB.last("GET", REVIEW + "/members.csv").query()).contains("from=2026-09", "to=2026-11", "kind=CARER",
                "sort=balance");
        assertThat(STUB.last("GET", REVIEW + "/members.csv").authorization()).startsWith("Bearer ");
    }

    @ParameterizedTest
    @CsvSource({"/review/parity.csv, giver_kind", "/review/parity/months.csv, month,total_minutes",
            "/review/indicators.csv, level,indicator", "/review/indicators/goals-jointly-set/contributions.csv, contribution_id"})
    void everyTableDownloadsAsCsv(String path, String header) throws Exception {
        mvc.perform(get(path).with(member("cora", "MEMBER", "COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(content().string(containsString(header)));
    }

    @ParameterizedTest
    @CsvSource({"/review, en, Reciprocity review", "/review, fr, Bilan de réciprocité",
            "/review/parity, en, Who gave time to whom", "/review/parity, fr, Qui a donné du temps à qui",
            "/review/indicators, en, Strategic level", "/review/indicators, fr, Niveau stratégique",
            "/review/indicators/goals-jointly-set, en, What was counted",
            "/review/indicators/goals-jointly-set, fr, Ce qui a été compté"})
    void everyPageIsInEnglishAndFrench(String page, String language, String words) throws Exception {
        mvc.perform(get(page).param("lang", language).with(member("sue", "MEMBER", "STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"" + language + "\"")))
                .andExpect(content().string(containsString(words)))
                .andExpect(content().string(not(containsString("??"))));
    }
}
