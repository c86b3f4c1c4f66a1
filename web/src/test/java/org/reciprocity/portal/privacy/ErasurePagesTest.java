package org.reciprocity.portal.privacy;

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

/**
 * Issue 18, erasure, as pages without JavaScript: a member asks (a box to tick first; asked already,
 * the page says when); an admin sees who asked, cannot erase with one click, reads the ledger's refusal
 * in their own words, and follows the five services confirming; a member is refused the admin's pages;
 * an erased member is "a former member" wherever the portal names them.
 */
class ErasurePagesTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    static final String GUS_STATUS = "{\"memberId\":\"gus\",\"requestedAt\":\"2026-12-01T09:30:00Z\","
            + "\"erasedAt\":\"2026-12-01T10:00:00Z\",\"erasedBy\":\"ada\",\"done\":false,\"services\":["
            + "{\"service\":\"ledger-service\",\"confirmedAt\":\"2026-12-01T10:00:05Z\",\"collections\":[\"members\"]},"
            + "{\"service\":\"matching-service\",\"confirmedAt\":\"2026-12-01T10:05:00Z\",\"collections\":[\"profiles\"]},"
            + "{\"service\":\"notification-service\",\"confirmedAt\":\"2026-12-01T10:00:07Z\",\"collections\":[]},"
            + "{\"service\":\"identity-service\",\"confirmedAt\":\"2026-12-01T10:00:08Z\",\"collections\":[\"accounts\"]},"
            + "{\"service\":\"review-service\",\"confirmedAt\":null,\"collections\":[]}]}";

    @BeforeAll
    static void asaAskedAndGusIsBeingErased() {
        STUB.answer("POST " + TB + "/members/eri/erasure-request", 202, "application/json", "")
                .json("GET " + TB + "/members/asa/erasure", "{\"memberId\":\"asa\",\"requestedAt\":\"2026-12-01T09:30:00Z\","
                        + "\"erasedAt\":null,\"services\":[],\"done\":false}")
                .json("GET " + TB + "/erasure-requests", "[{\"memberId\":\"asa\",\"displayName\":\"Asa\","
                        + "\"requestedAt\":\"2026-12-01T09:30:00Z\"},{\"memberId\":\"gus\",\"displayName\":null,"
                        + "\"requestedAt\":\"2026-12-01T09:00:00Z\"}]")
                .json("GET " + TB + "/members/asa/record", "{\"id\":\"asa\",\"displayName\":\"Asa\",\"kind\":\"NEIGHBOUR\","
                        + "\"status\":\"ACTIVE\"}")
                .problem("POST " + TB + "/members/asa/erasure", 409, "erasure-waits-for-open-contributions",
                        "Some of Asa's hours still wait. A coordinator must settle them first.")
                .json("GET " + TB + "/members/gus/record", "{\"id\":\"gus\",\"status\":\"ERASED\",\"erased\":true}")
                .json("GET " + TB + "/members/gus/erasure", GUS_STATUS)
                .answer("POST " + TB + "/members/gus/erasure", 200, "application/json", GUS_STATUS)
                // matching keeps a tombstone of an erased member: no name
                .json("GET " + TB + "/profiles/gus", "{\"_id\":\"gus\",\"timebankId\":\"demo\",\"erased\":true}")
                .json("GET " + TB + "/profiles/cora", "{\"memberId\":\"cora\",\"displayName\":\"Cora\"}")
                .json("GET " + TB + "/members/gus/statement", "[]")
                // matching's names say erased for both (its tombstones); the ledger is not asked for names
                .json("GET " + TB + "/profiles/hal", "{\"memberId\":\"hal\",\"erased\":true}")
                .json("GET " + TB + "/profiles/ivy", "{\"memberId\":\"ivy\",\"erased\":true}")
                .json("GET " + TB + "/members/hal", "{\"id\":\"hal\",\"status\":\"ERASED\"}")
                .problem("GET " + TB + "/members/ivy", 403, "not-permitted", "You may not do that.")
                .json("GET " + TB + "/contributions/c-hal", "{\"id\":\"c-hal\",\"giverId\":\"hal\",\"receiverId\":\"ivy\","
                        + "\"actorId\":\"hal\",\"minutes\":60,\"happenedOn\":\"2026-11-28\",\"kind\":\"PEER_SUPPORT\","
                        + "\"state\":\"VALIDATED\"}")
                .json("GET " + TB + "/members/asa/statement", "[]")
                .json("GET " + TB + "/contributions/c-gus", "{\"id\":\"c-gus\",\"giverId\":\"gus\",\"receiverId\":\"cora\","
                        + "\"actorId\":\"gus\",\"minutes\":60,\"happenedOn\":\"2026-11-28\",\"kind\":\"PEER_SUPPORT\","
                        + "\"state\":\"VALIDATED\"}");
    }

    @Test
    void aMemberReadsWhatHappensAndAsksOnlyOnceTheyTickTheBox() throws Exception {
        mvc.perform(get("/my-data").with(member("eri")))
                .andExpect(content().string(containsString("href=\"/my-data/erasure\"")));
        mvc.perform(get("/my-data/erasure").with(member("eri")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-warning-text")))
                .andExpect(content().string(containsString("We remove your name, your e-mail and what you wrote.")))
                .andExpect(content().string(containsString("The hours you gave and got stay, but without your name.")))
                .andExpect(content().string(containsString("You will not be able to sign in again.")))
                .andExpect(content().string(containsString("a coordinator needs to sort them out first")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("id=\"ask-erasure\"")));

        STUB.clear();
        mvc.perform(post("/my-data/erasure").with(member("eri")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("Tick the box to say you understand what happens.")));
        assertThat(STUB.last("POST", TB + "/members/eri/erasure-request")).as("nothing asked without the tick").isNull();

        mvc.perform(post("/my-data/erasure").with(member("eri")).with(csrf()).param("understood", "yes"))
                .andExpect(redirectedUrl("/my-data/erasure/sent"));
        assertThat(STUB.last("POST", TB + "/members/eri/erasure-request")).isNotNull();
        mvc.perform(get("/my-data/erasure/sent").with(member("eri")))
                .andExpect(content().string(containsString("govuk-panel--confirmation")))
                .andExpect(content().string(containsString("Your request was sent")));
        mvc.perform(post("/my-data/erasure").with(member("eri")).param("understood", "yes"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMemberWhoAskedAlreadyIsToldWhen() throws Exception {
        mvc.perform(get("/my-data/erasure").with(member("asa")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You asked on 1 December 2026")))
                .andExpect(content().string(not(containsString("id=\"ask-erasure\""))));
        mvc.perform(get("/my-data/erasure").param("lang", "fr").with(member("asa")))
                .andExpect(content().string(containsString("Vous l’avez demandé le 1er décembre 2026")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void anAdminSeesWhoAskedAndOpensTheirPageFromTheHubAndTheRecord() throws Exception {
        mvc.perform(get("/admin").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(content().string(containsString("href=\"/admin/erasures\"")));
        mvc.perform(get("/admin/erasures").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<table class=\"govuk-table\" id=\"erasures\"")))
                .andExpect(content().string(containsString("href=\"/admin/members/asa/erasure\"")))
                .andExpect(content().string(containsString(">Asa</a>")))
                .andExpect(content().string(containsString("id=\"erasure-of-gus\" href=\"/admin/members/gus/erasure\">A former member</a>")))
                .andExpect(content().string(containsString("1 December 2026")));
        mvc.perform(get("/admin/erasures").param("lang", "fr").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(content().string(containsString(">Un ancien membre</a>")))
                .andExpect(content().string(containsString("Demandes de suppression des données")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/admin/members/asa/erasure").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-summary-list")))
                .andExpect(content().string(containsString("Delete a member’s data")))
                .andExpect(content().string(containsString("<dd class=\"govuk-summary-list__value\" id=\"erasure-name\">Asa</dd>")))
                .andExpect(content().string(containsString("govuk-button--warning")))
                .andExpect(content().string(containsString("Erase this member")))
                .andExpect(content().string(containsString("name=\"sure\"")));
    }

    @Test
    void oneClickCannotEraseAndTheLedgersRefusalIsShownInTheReadersWords() throws Exception {
        STUB.clear();
        mvc.perform(post("/admin/members/asa/erasure").with(member("ada", "MEMBER", "ADMIN")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tick the box to say you are sure.")));
        assertThat(STUB.last("POST", TB + "/members/asa/erasure")).as("nothing erased without the tick").isNull();

        mvc.perform(post("/admin/members/asa/erasure").with(member("ada", "MEMBER", "ADMIN")).with(csrf()).param("sure", "yes"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("A coordinator must settle them first.")))
                .andExpect(content().string(containsString("href=\"#sure\"")))
                .andExpect(content().string(containsString("Erase this member")));
        assertThat(STUB.last("POST", TB + "/members/asa/erasure")).isNotNull();
    }

    @Test
    void theStatusShowsEachServiceConfirmedWithItsTimeOrWaiting() throws Exception {
        mvc.perform(post("/admin/members/gus/erasure").with(member("ada", "MEMBER", "ADMIN")).with(csrf()).param("sure", "yes"))
                .andExpect(redirectedUrl("/admin/members/gus/erasure"));
        String page = mvc.perform(get("/admin/members/gus/erasure").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("??"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"erasure-name\">A former member</dd>", "Hours and balances", "Offers, needs and matches",
                "Messages and e-mails", "Signing in", "Reports on the timebank", "id=\"check-again\"",
                "href=\"/admin/members/gus/erasure\"", "hx-trigger=\"every 5s\"")
                .as("checks again by itself with JavaScript on, until all five confirmed").doesNotContain("Erase this member", "gus</");
        assertThat(page.split("Confirmed</strong>", -1)).as("four confirmed").hasSize(5);
        assertThat(page.split("Waiting</strong>", -1)).as("one waiting").hasSize(2);
        String review = page.substring(page.indexOf("id=\"erasure-review-service\""));
        assertThat(review.substring(0, review.indexOf("</tr>"))).contains("Waiting");
        String matching = page.substring(page.indexOf("id=\"erasure-matching-service\""));
        assertThat(matching.substring(0, matching.indexOf("</tr>"))).as("in the timebank's zone (Paris)").contains("11:05");

        mvc.perform(get("/admin/members/gus/erasure").param("lang", "fr").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(content().string(containsString("id=\"erasure-name\">Un ancien membre</dd>")))
                .andExpect(content().string(containsString("En attente")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void aMemberIsRefusedTheAdminsPages() throws Exception {
        mvc.perform(get("/admin/erasures").with(member("cora"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/members/asa/erasure").with(member("cora", "MEMBER", "COORDINATOR")))
                .andExpect(status().isForbidden());
        STUB.clear();
        mvc.perform(post("/admin/members/asa/erasure").with(member("cora")).with(csrf()).param("sure", "yes"))
                .andExpect(status().isForbidden());
        assertThat(STUB.last("POST", TB + "/members/asa/erasure")).isNull();
    }

    @Test
    void anErasedMemberIsAFormerMemberWhereverThePortalNamesThem() throws Exception {
        mvc.perform(get("/contributions/c-gus").with(member("cora")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("a former member")))
                .andExpect(content().string(not(containsString(">gus<"))));
        mvc.perform(get("/contributions/c-gus").param("lang", "fr").with(member("cora")))
                .andExpect(content().string(containsString("un ancien membre")));
        // names come from matching's name-only read alone (one call), never from the ledger's members
        STUB.clear();
        mvc.perform(get("/contributions/c-hal").with(member("cora")))
                .andExpect(content().string(containsString("id=\"giver\">a former member</dd>")))
                .andExpect(content().string(containsString("id=\"receiver\">a former member</dd>")));
        org.assertj.core.api.Assertions.assertThat(STUB.received()).extracting(r -> r.path())
                .doesNotContain(TB + "/members/hal", TB + "/members/ivy", TB + "/profiles/hal", TB + "/profiles/ivy");
    }

    @Test
    void anAdminReachesTheErasureFromAMembersRecordAndAnErasedRecordHasNoName() throws Exception {
        mvc.perform(get("/coordinator/members/asa").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/members/asa/erasure\"")));
        mvc.perform(get("/coordinator/members/asa").with(member("cora", "MEMBER", "COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/admin/members/asa/erasure"))));
        mvc.perform(get("/coordinator/members/gus").with(member("ada", "MEMBER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"member-name\">A former member</h1>")))
                .andExpect(content().string(containsString("Data deleted")))
                .andExpect(content().string(not(containsString("??"))));
    }
}
