package org.reciprocity.portal.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
 * Issue 18: "Your data" and its consents page, in English and French, without JavaScript: each of
 * the four questions says when and how it was last answered, and saving sends only what changed.
 */
class MyDataPagesTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void coraAnsweredTwoOfFour() {
        STUB.json("GET " + TB + "/members/cora/consents", "{\"memberId\":\"cora\",\"consents\":["
                + "{\"consent\":\"SUPPORTER_MAY_LOG\",\"given\":true,\"at\":\"2026-12-01T10:00:00Z\",\"how\":\"PAGE\"},"
                + "{\"consent\":\"SHOW_ACCESSIBILITY_TO_MATCHES\",\"given\":false,\"at\":\"2026-11-30T10:00:00Z\",\"how\":\"PAPER\"},"
                + "{\"consent\":\"EMAIL_ME\"},{\"consent\":\"SHARE_CONTRIBUTION_RECORD\"}]}")
                .json("GET " + TB + "/profiles/cora", "{\"memberId\":\"cora\",\"displayName\":\"Cora\",\"skills\":[],"
                        + "\"accessibilityNeeds\":[],\"paused\":false,\"sharedWithMembers\":[]}")
                .json("PUT " + TB + "/members/cora/consents/SUPPORTER_MAY_LOG", "{}")
                .json("PUT " + TB + "/members/cora/consents/EMAIL_ME", "{}")
                .json("GET " + TB + "/members/pat/consents", "{\"memberId\":\"pat\",\"consents\":[]}")
                .json("GET " + TB + "/members/pat", "{\"id\":\"pat\",\"displayName\":\"Pat\"}")
                .json("GET " + TB + "/profiles/pat", "{\"memberId\":\"pat\",\"displayName\":\"Pat\"}")
                .json("PUT " + TB + "/members/pat/consents/SUPPORTER_MAY_LOG", "{}");
    }

    @Test
    void yourDataLeadsToWhatYouAllow() throws Exception {
        mvc.perform(get("/my-data").with(member("cora")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/my-data/consents\"")))
                .andExpect(content().string(containsString("What you allow")))
                .andExpect(content().string(containsString("href=\"/my-data/who-looked\"")));
        mvc.perform(get("/profile").with(member("cora")))
                .andExpect(content().string(containsString("href=\"/my-data\"")));
    }

    @Test
    void eachQuestionSaysWhenAndHowItWasAnsweredInBothLanguages() throws Exception {
        mvc.perform(get("/my-data/consents").with(member("cora")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("May your supporters log hours for you?")))
                .andExpect(content().string(containsString("Saved on 1 December 2026, on this page")))
                .andExpect(content().string(containsString("Saved on 30 November 2026, on paper, with a coordinator")))
                .andExpect(content().string(containsString("You have not chosen yet.")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/my-data/consents").param("lang", "fr").with(member("cora")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pouvons-nous vous envoyer des e-mails\u00a0?")))
                .andExpect(content().string(containsString("Enregistré le 1er décembre 2026, sur cette page")));
    }

    @Test
    void savingSendsOnlyTheAnswersThatChanged() throws Exception {
        STUB.clear();
        mvc.perform(post("/my-data/consents").with(member("cora")).with(csrf())
                        .param("SUPPORTER_MAY_LOG", "no").param("SHOW_ACCESSIBILITY_TO_MATCHES", "no")
                        .param("EMAIL_ME", "yes"))
                .andExpect(redirectedUrl("/my-data/consents"));

        assertThat(STUB.last("PUT", TB + "/members/cora/consents/SUPPORTER_MAY_LOG").body()).contains("\"given\":false");
        assertThat(STUB.last("PUT", TB + "/members/cora/consents/EMAIL_ME").body()).contains("\"given\":true");
        assertThat(STUB.received()).noneMatch(r -> r.path().endsWith("SHOW_ACCESSIBILITY_TO_MATCHES"))
                .noneMatch(r -> r.path().endsWith("SHARE_CONTRIBUTION_RECORD"));
        mvc.perform(post("/my-data/consents").with(member("cora")).param("EMAIL_ME", "no"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCoordinatorWritesDownWhatAPaperFirstMemberAgreedTo() throws Exception {
        mvc.perform(get("/coordinator/members/pat/consents").with(member("cora", "MEMBER", "COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("What Pat allows")))
                .andExpect(content().string(containsString("action=\"/coordinator/members/pat/consents\"")));
        mvc.perform(get("/coordinator/members/pat/consents").with(member("cora")))
                .andExpect(status().isForbidden());

        mvc.perform(post("/coordinator/members/pat/consents").with(member("cora", "MEMBER", "COORDINATOR")).with(csrf())
                        .param("SUPPORTER_MAY_LOG", "yes"))
                .andExpect(redirectedUrl("/coordinator/members/pat/consents"));
        assertThat(STUB.last("PUT", TB + "/members/pat/consents/SUPPORTER_MAY_LOG").body()).contains("\"given\":true");
    }
}
