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

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.reciprocity.portal.ServiceStub;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 18: the member's "who looked" page in both languages, and the coordinator's reason for looking. */
class WhoLookedPagesTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void theServicesKeptTwoLooksAtCora() {
        // the stub plays all three services, so each answers the same looks: one visit all the same
        STUB.json("GET " + TB + "/members/cora/reads", "[{\"readerId\":\"alex\",\"readerRole\":\"COORDINATOR\","
                        + "\"what\":\"READ_STATEMENT\",\"why\":\"SUPPORT_REQUEST\",\"at\":\"2026-12-01T10:01:00Z\"},"
                        + "{\"readerId\":\"alex\",\"readerRole\":\"COORDINATOR\",\"what\":\"READ_MEMBER\","
                        + "\"why\":\"SUPPORT_REQUEST\",\"at\":\"2026-12-01T10:00:00Z\"},"
                        + "{\"readerId\":\"sam\",\"readerRole\":\"ADMIN\",\"what\":\"READ_RECIPIENT\","
                        + "\"why\":\"NOT_GIVEN\",\"at\":\"2026-11-03T09:00:00Z\"}]")
                .json("GET " + TB + "/profiles/alex", "{\"memberId\":\"alex\",\"displayName\":\"Alex\"}")
                .json("GET " + TB + "/profiles/sam", "{\"memberId\":\"sam\",\"displayName\":\"Sam\"}")
                .json("GET " + TB + "/members/nina/reads", "[]");
    }

    @Test
    void theMemberReadsWhoLookedWhenAndWhyNewestFirst() throws Exception {
        String page = mvc.perform(get("/my-data/who-looked").param("lang", "en").with(member("cora")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("??"))))
                .andReturn().getResponse().getContentAsString();

        String first = "Alex (coordinator) looked at your contact details and your list of hours on 1 December 2026"
                + " because: a support request.";
        String second = "Sam (admin) looked at how we send you messages on 3 November 2026. They did not say why.";
        assertThat(page).contains(first, second, "We keep this list for two years."); // ReadLogRetention deletes older months
        assertThat(page.indexOf(first)).isLessThan(page.indexOf(second));
        assertThat(page.split("looked at your contact details", -1)).as("one line for one visit").hasSize(2);
    }

    @Test
    void theReadersNamesComeFromOneNameOnlyReadNotFromTheirProfiles() throws Exception {
        STUB.clear();
        mvc.perform(get("/my-data/who-looked").param("lang", "en").with(member("cora"))).andExpect(status().isOk());

        List<ServiceStub.Received> names = STUB.received().stream().filter(r -> r.path().equals(TB + "/names")).toList();
        assertThat(names).as("one call for every reader's name").singleElement()
                .satisfies(r -> assertThat(r.query()).contains("alex").contains("sam"));
        assertThat(STUB.received()).as("opening a profile is a look at it; a name is not")
                .noneMatch(r -> r.path().contains("/profiles/"))
                .noneMatch(r -> r.path().endsWith("/members/alex") || r.path().endsWith("/members/sam"));
    }

    @Test
    void theMemberReadsItInFrenchToo() throws Exception {
        mvc.perform(get("/my-data/who-looked").param("lang", "fr").with(member("cora")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Alex (coordination) a consulté vos coordonnées et votre liste"
                        + " d’heures le 1er décembre 2026. Raison\u00a0: une demande d’aide.")))
                .andExpect(content().string(containsString("Nous gardons cette liste deux ans.")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void aMemberNobodyLookedAtIsToldSo() throws Exception {
        mvc.perform(get("/my-data/who-looked").with(member("nina")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nobody has looked at your details yet.")));
    }

    @Test
    void aCoordinatorSaysWhyAndTheReasonIsKeptForTheSession() throws Exception {
        mvc.perform(get("/coordinator/why").param("then", "/coordinator/members/pat").param("lang", "fr")
                        .with(member("cora", "MEMBER", "COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pourquoi consultez-vous les données des membres\u00a0?")))
                .andExpect(content().string(containsString("Protéger une personne")));

        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/coordinator/why").param("reason", "SAFEGUARDING").param("then", "/coordinator/members/pat")
                        .session(session).with(member("cora", "MEMBER", "COORDINATOR")).with(csrf()))
                .andExpect(redirectedUrl("/coordinator/members/pat"));
        assertThat(session.getAttribute(ReadReasonChoice.SESSION_ATTRIBUTE)).isEqualTo("SAFEGUARDING");
    }

    @Test
    void noReasonIsAnErrorOnThePageAndKeepsNothing() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/coordinator/why").param("reason", "CURIOSITY").session(session)
                        .with(member("cora", "MEMBER", "COORDINATOR")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose why you are looking.")));
        assertThat(session.getAttribute(ReadReasonChoice.SESSION_ATTRIBUTE)).isNull();
    }

    @Test
    void aMemberWhoIsNotACoordinatorCannotChooseAReason() throws Exception {
        mvc.perform(get("/coordinator/why").with(member("cora"))).andExpect(status().isForbidden());
    }

    @Test
    void afterChoosingOnlyAPageOfThePortalIsOpened() {
        assertThat(WhoLookedController.safe("/coordinator/members/pat")).isEqualTo("/coordinator/members/pat");
        for (String elsewhere : List.of("//evil.example", "https://evil.example", "/\\evil", "", "coordinator")) {
            assertThat(WhoLookedController.safe(elsewhere)).isEqualTo("/coordinator/members");
        }
    }

    @Test
    void looksBySomeoneForOneReasonFewMinutesApartAreOneVisit() {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        List<Looks.Visit> visits = Looks.visits(List.of(
                new Looks.Read("alex", "COORDINATOR", "READ_MEMBER", "DISPUTE", t),
                new Looks.Read("alex", "COORDINATOR", "READ_STATEMENT", "DISPUTE", t.plusSeconds(60)),
                new Looks.Read("alex", "COORDINATOR", "READ_STATEMENT", "REVIEW", t.plusSeconds(120)),
                new Looks.Read("alex", "COORDINATOR", "READ_MEMBER", "REVIEW", t.plusSeconds(3600))));
        assertThat(visits).hasSize(3);
        assertThat(visits.get(2).what()).containsExactly("READ_MEMBER", "READ_STATEMENT");
        assertThat(visits.get(0).at()).isEqualTo(t.plusSeconds(3600));
    }
}
