package org.reciprocity.portal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Each page renders in English and in French with no message missing (Thymeleaf would show ??key??). */
class EveryPageInBothLanguagesTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void aMemberWithSomething() {
        STUB.json("GET " + TB + "/accounts/cora", "{\"id\":\"cora\",\"balance\":90}")
                .json("GET " + TB + "/members/cora/statement", "[{\"sequence\":1,\"postedAt\":\"2026-10-03T10:00:00+02:00\","
                        + "\"reason\":\"CONTRIBUTION\",\"direction\":\"IN\",\"minutes\":90,\"balanceAfter\":90,\"description\":\"x\"}]")
                .json("GET " + TB + "/members/cora/pending-validations", "[]")
                .json("GET " + TB + "/inbox", "{\"unread\":0,\"items\":[]}")
                .json("GET " + TB + "/contributions/c-5", "{\"id\":\"c-5\",\"giverId\":\"ali\",\"receiverId\":\"cora\","
                        + "\"actorId\":\"ali\",\"awaitingValidationBy\":\"cora\",\"minutes\":60,\"happenedOn\":\"2026-11-28\","
                        + "\"kind\":\"PEER_SUPPORT\",\"state\":\"LOGGED\"}")
                .json("GET " + TB + "/listings", "{\"total\":1,\"listings\":[{\"id\":\"l1\",\"kind\":\"OFFER\","
                        + "\"ownerId\":\"ali\",\"title\":\"Gardening\",\"estimatedMinutes\":60,\"mode\":\"IN_PERSON\"}]}")
                .json("GET " + TB + "/listings/l1", "{\"id\":\"l1\",\"kind\":\"OFFER\",\"ownerId\":\"ali\",\"title\":\"Gardening\","
                        + "\"category\":\"gardening\",\"estimatedMinutes\":60,\"mode\":\"IN_PERSON\",\"district\":\"N1\","
                        + "\"recurrence\":\"WEEKLY\",\"accessibility\":[\"step-free\"],\"expiresAt\":\"2026-12-31T23:00:00Z\",\"status\":\"OPEN\"}")
                .json("GET " + TB + "/listings/l2", "{\"id\":\"l2\",\"kind\":\"NEED\",\"ownerId\":\"cora\",\"title\":\"Forms\","
                        + "\"category\":\"admin-forms\",\"estimatedMinutes\":45,\"mode\":\"REMOTE\","
                        + "\"expiresAt\":\"2026-12-31T23:00:00Z\",\"status\":\"OPEN\"}")
                .json("GET " + TB + "/listings/l2/suggestions", "[{\"type\":\"OFFER\",\"listingId\":\"l1\",\"title\":\"Gardening\","
                        + "\"memberId\":\"ali\",\"displayName\":\"Ali\",\"reasons\":[\"words\"]},{\"type\":\"MEMBER\",\"memberId\":\"bo\"}]")
                .json("GET " + TB + "/members/cora/listings", "[{\"id\":\"l2\",\"kind\":\"NEED\",\"ownerId\":\"cora\","
                        + "\"title\":\"Forms\",\"category\":\"admin-forms\",\"estimatedMinutes\":45,\"mode\":\"REMOTE\","
                        + "\"expiresAt\":\"2026-12-31T23:00:00Z\",\"status\":\"PAUSED\"}]")
                .json("GET " + TB + "/profiles/cora", "{\"memberId\":\"cora\",\"displayName\":\"Cora\",\"skills\":[\"Gardening\"],"
                        + "\"accessibilityNeeds\":[],\"paused\":false,\"sharedWithMembers\":[\"district\"]}")
                .json("GET " + TB + "/preferences", "{\"channels\":{},\"quietHours\":null,\"digest\":false,"
                        + "\"timeZone\":\"Europe/London\",\"availableChannels\":[\"EMAIL\",\"INBOX\"]}")
                .json("GET " + TB + "/members/cora/supporters", "{\"supporterIds\":[]}")
                // Cora supports Pat: "People you support" and the supporter's log-hours pages
                .json("GET " + TB + "/members/cora/supported", "{\"members\":[{\"memberId\":\"pat\",\"displayName\":\"Pat\"}]}")
                // my matches: none yet (the page still has its headings); said here so this test needs no other
                .json("GET " + TB + "/matches", "[]")
                .problem("GET " + TB + "/contributions/c-gone", 404, "not-found", "Not found.")
                // a coordinator's members and casework (issue 16, part B)
                .json("GET " + TB + "/members", "{\"total\":1,\"page\":0,\"size\":25,\"members\":[{\"id\":\"pat\","
                        + "\"displayName\":\"Pat\",\"kind\":\"SERVICE_USER\",\"status\":\"ACTIVE\",\"paperFirst\":true}]}")
                .json("GET " + TB + "/members/pat/record", "{\"id\":\"pat\",\"displayName\":\"Pat\",\"kind\":\"CARER\","
                        + "\"language\":\"fr\",\"status\":\"SUSPENDED\",\"statusReason\":\"A break\",\"paperFirst\":true,"
                        + "\"consent\":{\"agreedTo\":\"Logging\",\"recordedBy\":\"cora\",\"recordedAt\":\"2026-11-30T10:00:00Z\"}}")
                .json("GET " + TB + "/members/pat/statement", "[]")
                .json("GET " + TB + "/members/pat/supporters", "{\"supporterIds\":[]}")
                .json("GET " + TB + "/organisations", "[{\"id\":\"org-1\",\"name\":\"Recovery college\"}]")
                .json("GET " + TB + "/contributions/d-5", "{\"id\":\"d-5\",\"giverId\":\"ali\",\"receiverId\":\"cora\","
                        + "\"actorId\":\"ali\",\"minutes\":60,\"happenedOn\":\"2026-11-28\",\"kind\":\"PEER_SUPPORT\","
                        + "\"state\":\"DISPUTED\",\"note\":\"No\"}")
                .problem("GET " + TB + "/contributions/c-theirs", 403, "not-permitted", "You may not do that.");
        // the member's contribution record (portal.record, issue 17)
        STUB.json("GET " + TB + "/members/cora/contribution-records", "[]");
        // the coordinator's matching pages (portal.matchmaking)
        STUB.json("GET " + TB + "/coordinator/listings/n1/suggestions", org.reciprocity.portal.matchmaking.MatchmakingPagesTest.VIEW)
                .json("GET " + TB + "/coordinator/matches", org.reciprocity.portal.matchmaking.MatchmakingPagesTest.MATCHES)
                .json("GET " + TB + "/coordinator/plans/p1", org.reciprocity.portal.matchmaking.MatchmakingPagesTest.PLAN);
        // the review pages (portal.review, issue 17)
        org.reciprocity.portal.review.ReviewPagesTest.answer(STUB);
    }

    /** The pages that say something went wrong share one template (pages/notice): each still has its own words. */
    @ParameterizedTest
    @CsvSource({"/contributions/c-gone, en, 404, Page not found", "/contributions/c-gone, fr, 404, Page introuvable",
            "/contributions/c-theirs, en, 403, You cannot see this page",
            "/contributions/c-theirs, fr, 403, Vous ne pouvez pas voir cette page",
            "/paused, en, 403, Your account is paused", "/paused, fr, 403, Votre compte est en pause"})
    void pagesThatSaySomethingWentWrongAreInTheReadersLanguage(String page, String language, int status, String words)
            throws Exception {
        mvc.perform(get(page).param("lang", language).with(member("cora", "MEMBER")))
                .andExpect(status().is(status))
                .andExpect(content().string(containsString("lang=\"" + language + "\"")))
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">" + words + "</h1>")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @ParameterizedTest
    @CsvSource({"/, en, Your balance", "/, fr, Votre solde", "/hours/new, en, Log hours", "/hours/new, fr, Noter des heures",
            "/contributions/c-5, en, Yes, confirm", "/contributions/c-5, fr, Oui, je confirme",
            "/statement, en, Your statement", "/statement, fr, Votre relevé", "/spend, en, Spend hours",
            "/spend, fr, Utiliser des heures", "/give, en, Give hours", "/give, fr, Offrir des heures",
            "/coordinator/invite, en, Invite a member", "/coordinator/invite, fr, Inviter un membre",
            "/coordinator, en, What needs you", "/coordinator, fr, Ce qui vous attend",
            "/hours/logged?id=c-5, en, Hours logged", "/hours/logged?id=c-5, fr, Heures notées",
            "/board, en, Gardening", "/board, fr, En personne",
            "/profile, en, Take a break", "/profile, fr, Besoins d’accessibilité",
            "/board/listings/l1, en, Step-free access", "/board/listings/l1, fr, Accès sans marche",
            "/board/listings/l2, en, Who might help", "/board/listings/l2, fr, Qui pourrait aider",
            "/board/mine, en, My offers and needs", "/board/mine, fr, Publier à nouveau",
            "/board/mine/new, en, Put something on the board", "/board/mine/new, fr, Type d’aide",
            "/board/listings/l2/edit, en, Save the changes", "/board/listings/l2/edit, fr, Enregistrer les modifications",
            "/matches, en, My matches", "/matches, fr, Mes mises en relation",
            "/profile/edit, en, When are you usually free?", "/profile/edit, fr, Quand êtes-vous libre d’habitude",
            "/profile/notifications, en, Quiet hours", "/profile/notifications, fr, Heures calmes",
            "/profile/language, en, Which language do you want?", "/profile/language, fr, Quelle langue voulez-vous",
            "/profile/supporters, en, Name a supporter", "/profile/supporters, fr, Nommer une personne de soutien",
            "/coordinator/members, en, Last activity", "/coordinator/members, fr, Dernière activité",
            "/coordinator/members/new, en, What did they agree to?", "/coordinator/members/new, fr, À quoi a-t-il donné",
            "/coordinator/members/pat, en, Make them active again", "/coordinator/members/pat, fr, Le rendre de nouveau actif",
            "/coordinator/members/pat/edit, en, Change their details", "/coordinator/members/pat/edit, fr, Modifier ses informations",
            "/coordinator/members/pat/hours, en, Log hours for Pat", "/coordinator/members/pat/hours, fr, Noter des heures pour Pat",
            "/coordinator/contributions/d-5, en, Settle the dispute", "/coordinator/contributions/d-5, fr, Régler le désaccord",
            "/coordinator/group-activities/new, en, Who came?", "/coordinator/group-activities/new, fr, Qui est venu",
            "/coordinator/listings/n1/suggestions, en, Propose this match",
            "/coordinator/listings/n1/suggestions, fr, Proposer cette mise en relation",
            "/coordinator/matches, en, The timebank’s matches", "/coordinator/matches, fr, Leurs réponses",
            "/coordinator/plans/new, en, Plan matches for everyone", "/coordinator/plans/new, fr, Lancer le planificateur",
            "/coordinator/plans/p1, en, Keep or drop each proposal", "/coordinator/plans/p1, fr, Garder ou écarter chaque proposition",
            "/record, en, Your contribution record", "/record, fr, Votre attestation de contributions",
            "/verify, en, Check a contribution record", "/verify, fr, Vérifier une attestation de contributions",
            "/hours/new, en, People you support", "/hours/new, fr, Les personnes que vous soutenez",
            "/supporting/pat/hours, en, Log hours for Pat", "/supporting/pat/hours, fr, Noter des heures pour Pat",
            "/supporting/pat/logged?id=c-5, en, Hours logged for Pat", "/supporting/pat/logged?id=c-5, fr, Heures notées pour Pat",
            "/review, en, Reciprocity review", "/review, fr, Bilan de réciprocité",
            "/review/parity, en, Who gave time to whom", "/review/parity, fr, Qui a donné du temps à qui",
            "/review/indicators, en, Strategic level", "/review/indicators, fr, Niveau stratégique",
            "/review/indicators/goals-jointly-set, en, What was counted",
            "/review/indicators/goals-jointly-set, fr, Ce qui a été compté",
            "/review/report, en, Download the report (PDF)", "/review/report, fr, Télécharger le rapport (PDF)",
            "/review/integrity, en, What is checked", "/review/integrity, fr, Ce qui est vérifié",
            "/my-data/erasure, en, Ask to delete my data", "/my-data/erasure, fr, Demander la suppression",
            "/my-data/export, en, Download my data", "/my-data/export, fr, Télécharger mes données"})
    void rendersWithEveryWordInItsLanguage(String page, String language, String words) throws Exception {
        mvc.perform(get(page).param("lang", language).with(member("cora", "MEMBER", "COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"" + language + "\"")))
                .andExpect(content().string(containsString(words)))
                .andExpect(content().string(not(containsString("??"))))
                .andExpect(content().string(not(containsString("th:ref"))));
    }
}
