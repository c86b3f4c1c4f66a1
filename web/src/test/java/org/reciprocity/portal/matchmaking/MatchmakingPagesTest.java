package org.reciprocity.portal.matchmaking;

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
import org.junit.jupiter.params.provider.CsvSource;
import org.reciprocity.portal.PortalTest;
import org.reciprocity.portal.ServiceStub;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The coordinator's matching pages: kept to coordinators, in both languages, one call to matching a page,
 * proposing with the key chosen when the page was shown, and bad input refused before anything is sent.
 */
public class MatchmakingPagesTest extends PortalTest {

    public static final String VIEW = "{\"listing\":{\"id\":\"n1\",\"kind\":\"NEED\",\"title\":\"Someone to walk with\","
            + "\"category\":\"befriending\",\"estimatedMinutes\":60,\"mode\":\"IN_PERSON\",\"district\":\"M14\","
            + "\"accessibility\":[\"step-free\"],\"requiresVerified\":true,\"status\":\"OPEN\",\"ownerId\":\"sam\","
            + "\"ownerName\":\"Sam\"},\"suggestions\":[{\"type\":\"OFFER\",\"listingId\":\"o1\",\"title\":\"Walks and a chat\","
            + "\"memberId\":\"ali\",\"displayName\":\"Ali\",\"score\":80,\"reasons\":[\"Ali and Sam both speak Arabic.\"]},"
            + "{\"type\":\"MEMBER\",\"memberId\":\"bo\",\"displayName\":\"Bo\",\"score\":50,\"reasons\":[]}],"
            + "\"notSuggested\":[{\"memberId\":\"noor\",\"displayName\":\"Noor\",\"listingId\":\"o2\",\"title\":\"Walks\","
            + "\"code\":\"member-paused\",\"reason\":\"Noor has paused.\"}],\"notSuggestedTotal\":3}";
    public static final String MATCHES = "{\"state\":\"PROPOSED\",\"page\":0,\"size\":25,\"total\":1,\"counts\":{\"PROPOSED\":1,"
            + "\"AGREED\":0,\"COMPLETED\":0,\"CLOSED\":0},\"matches\":[{\"id\":\"m1\",\"giverId\":\"ali\",\"giverName\":\"Ali\","
            + "\"receiverId\":\"sam\",\"receiverName\":\"Sam\",\"proposedBy\":\"cora\",\"proposedByName\":\"Cora\","
            + "\"via\":\"COORDINATOR\",\"estimatedMinutes\":60,\"giverAnswer\":\"ACCEPTED\",\"receiverAnswer\":\"PENDING\","
            + "\"status\":\"PROPOSED\",\"proposedAt\":\"2026-11-30T10:00:00Z\",\"activity\":\"Someone to walk with\"}]}";
    public static final String PLAN = "{\"id\":\"p1\",\"status\":\"DRAFT\",\"createdAt\":\"2026-11-30T10:00:00Z\",\"proposals\":["
            + "{\"needListingId\":\"n1\",\"offerListingId\":\"o1\",\"giverId\":\"ali\",\"receiverId\":\"sam\",\"score\":80,"
            + "\"reasons\":[\"Ali and Sam both speak Arabic.\"],\"needTitle\":\"Someone to walk with\",\"offerTitle\":\"Walks\","
            + "\"receiverName\":\"Sam\",\"giverName\":\"Ali\"},{\"needListingId\":\"n2\",\"offerListingId\":\"o2\","
            + "\"giverId\":\"noor\",\"receiverId\":\"kim\",\"score\":60,\"reasons\":[],\"needTitle\":\"Forms\","
            + "\"offerTitle\":\"Letters\",\"receiverName\":\"Kim\",\"giverName\":\"Noor\"}],\"total\":140,\"greedyTotal\":140,"
            + "\"sent\":[],\"skipped\":[]}";

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void matching() {
        STUB.json("GET " + TB + "/coordinator/listings/n1/suggestions", VIEW)
                .json("GET " + TB + "/coordinator/matches", MATCHES)
                .json("GET " + TB + "/coordinator/plans/p1", PLAN)
                .answer("POST " + TB + "/matches", 201, "application/json", "{\"id\":\"m9\",\"status\":\"PROPOSED\"}")
                .answer("POST " + TB + "/coordinator/plans", 201, "application/json", PLAN)
                .json("POST " + TB + "/coordinator/plans/p1/send", PLAN.replace("DRAFT", "SENT"))
                .json("POST " + TB + "/matches/m1/cancel", "{\"id\":\"m1\",\"status\":\"CANCELLED\"}");
    }

    private static MockHttpServletRequestBuilder asCoordinator(MockHttpServletRequestBuilder request) {
        return request.with(member("cora", "MEMBER", "COORDINATOR"));
    }

    @ParameterizedTest
    @CsvSource({"/coordinator/listings/n1/suggestions", "/coordinator/matches", "/coordinator/plans/new",
            "/coordinator/plans/p1"})
    void aMemberWhoIsNotACoordinatorGets403OnEveryPage(String page) throws Exception {
        mvc.perform(get(page).with(member("ana"))).andExpect(status().isForbidden());
    }

    @Test
    void aMemberCannotProposeCancelRunOrSendEither() throws Exception {
        STUB.clear();
        mvc.perform(post("/coordinator/listings/n1/suggestions").with(member("ana")).with(csrf())
                .param("needListingId", "n1").param("offerListingId", "o1")).andExpect(status().isForbidden());
        mvc.perform(post("/coordinator/matches/m1/cancel").with(member("ana")).with(csrf()).param("reason", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/coordinator/plans/new").with(member("ana")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/coordinator/plans/p1/send").with(member("ana")).with(csrf()).param("keep", "0"))
                .andExpect(status().isForbidden());
        assertThat(STUB.received()).as("nothing reached matching").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"/coordinator/listings/n1/suggestions, en, Who is not suggested, and why",
            "/coordinator/listings/n1/suggestions, fr, Qui n’est pas suggéré, et pourquoi",
            "/coordinator/matches, en, Waiting for an answer (1)", "/coordinator/matches, fr, En attente de réponse (1)",
            "/coordinator/plans/new, en, Run the planner", "/coordinator/plans/new, fr, Lancer le planificateur",
            "/coordinator/plans/p1, en, Send the kept ones", "/coordinator/plans/p1, fr, Envoyer celles qui sont gardées"})
    void everyPageRendersInBothLanguages(String page, String language, String words) throws Exception {
        mvc.perform(asCoordinator(get(page).param("lang", language)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"" + language + "\"")))
                .andExpect(content().string(containsString(words)))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void theSuggestionsPageShowsTheListingTheReasonsAndWhoIsLeftOutFromOneCall() throws Exception {
        STUB.clear();
        mvc.perform(asCoordinator(get("/coordinator/listings/n1/suggestions")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A need from Sam")))
                .andExpect(content().string(containsString("Ali and Sam both speak Arabic.")))
                .andExpect(content().string(containsString("Noor has paused.")))
                .andExpect(content().string(containsString("And 2 more.")))
                .andExpect(content().string(containsString("name=\"giverId\" value=\"bo\"")))
                .andExpect(content().string(containsString("id=\"propose-o1\"")));
        // the layout reads the member's account and preferences on every page; matching is read once, no names
        assertThat(STUB.received().stream().filter(r -> !r.path().endsWith("/accounts/cora")
                && !r.path().endsWith("/preferences")).map(ServiceStub.Received::path).toList())
                .as("one call to matching, no name look-ups").containsExactly(TB + "/coordinator/listings/n1/suggestions");
    }

    @Test
    void proposingSendsTheKeyChosenWithThePageAndShowsTheMatchAmongTheProposed() throws Exception {
        mvc.perform(asCoordinator(post("/coordinator/listings/n1/suggestions")).with(csrf())
                        .param("requestId", "key-12345678").param("needListingId", "n1").param("offerListingId", "o1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/coordinator/matches?state=proposed&done=proposed#match-m9"));
        assertThat(STUB.last("POST", TB + "/matches").idempotencyKey()).isEqualTo("key-12345678");
        assertThat(STUB.last("POST", TB + "/matches").body()).contains("\"needListingId\":\"n1\"", "\"offerListingId\":\"o1\"");
    }

    @Test
    void aProposalNamingNeitherAnOfferNorAHelperIsRefusedAndNothingIsSent() throws Exception {
        STUB.clear();
        mvc.perform(asCoordinator(post("/coordinator/listings/n1/suggestions")).with(csrf())
                        .param("requestId", "key-12345678").param("needListingId", "n1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a suggestion")));
        assertThat(STUB.last("POST", TB + "/matches")).isNull();
    }

    @Test
    void aRefusalByMatchingIsShownInAnErrorSummaryOnTheSamePage() throws Exception {
        STUB.problem("POST " + TB + "/matches", 422, "member-paused", "Ali has paused.");
        try {
            mvc.perform(asCoordinator(post("/coordinator/listings/n1/suggestions")).with(csrf())
                            .param("requestId", "key-12345678").param("needListingId", "n1").param("offerListingId", "o1"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("govuk-error-summary")))
                    .andExpect(content().string(containsString("Ali has paused.")));
        } finally {
            STUB.answer("POST " + TB + "/matches", 201, "application/json", "{\"id\":\"m9\",\"status\":\"PROPOSED\"}");
        }
    }

    @Test
    void theMatchesPageNamesWhoWhatWhenAndByWhomAndCancellingNeedsAReason() throws Exception {
        mvc.perform(asCoordinator(get("/coordinator/matches")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"match-m1\"")))
                .andExpect(content().string(containsString("Ali helps Sam")))
                .andExpect(content().string(containsString("by Cora")))
                .andExpect(content().string(containsString("Sam: not answered yet")));
        STUB.clear();
        mvc.perform(asCoordinator(post("/coordinator/matches/m1/cancel")).with(csrf()).param("reason", "  "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Say why you are cancelling this match")));
        assertThat(STUB.last("POST", TB + "/matches/m1/cancel")).isNull();
        mvc.perform(asCoordinator(post("/coordinator/matches/m1/cancel")).with(csrf()).param("reason", "Ali moved away"))
                .andExpect(redirectedUrl("/coordinator/matches?state=closed&done=cancelled#match-m1"));
        assertThat(STUB.last("POST", TB + "/matches/m1/cancel").body()).contains("Ali moved away");
    }

    @Test
    void anUnknownStateIsAClearErrorNotAFailure() throws Exception {
        mvc.perform(asCoordinator(get("/coordinator/matches").param("state", "lost")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose which matches to see")));
    }

    @Test
    void thePlanIsReviewedSideBySideAllKeptAndOnlyTheTickedOnesAreSent() throws Exception {
        mvc.perform(asCoordinator(get("/coordinator/plans/p1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"keep-0\" value=\"0\" checked=\"checked\"")))
                .andExpect(content().string(containsString("id=\"keep-1\" value=\"1\" checked=\"checked\"")))
                .andExpect(content().string(containsString("Walks")));
        mvc.perform(asCoordinator(post("/coordinator/plans/p1/send")).with(csrf()).param("requestId", "key-87654321")
                        .param("keep", "1"))
                .andExpect(redirectedUrl("/coordinator/plans/p1?done=sent"));
        assertThat(STUB.last("POST", TB + "/coordinator/plans/p1/send").body()).isEqualTo("{\"keep\":[1]}");
        assertThat(STUB.last("POST", TB + "/coordinator/plans/p1/send").idempotencyKey()).isEqualTo("key-87654321");
    }

    @Test
    void sendingNothingOrSomethingUnknownIsRefusedBeforeMatchingWhichWouldReadNothingAsEverything() throws Exception {
        STUB.clear();
        mvc.perform(asCoordinator(post("/coordinator/plans/p1/send")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Keep at least one proposal to send")));
        mvc.perform(asCoordinator(post("/coordinator/plans/p1/send")).with(csrf()).param("keep", "-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose proposals from the list")));
        assertThat(STUB.last("POST", TB + "/coordinator/plans/p1/send")).isNull();
    }

    @Test
    void runningThePlannerOpensItsReview() throws Exception {
        mvc.perform(asCoordinator(post("/coordinator/plans/new")).with(csrf()).param("requestId", "key-11112222"))
                .andExpect(redirectedUrl("/coordinator/plans/p1"));
        assertThat(STUB.last("POST", TB + "/coordinator/plans").idempotencyKey()).isEqualTo("key-11112222");
    }
}
