package org.reciprocity.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The member's own settings against services played by the stub: profile, notifications, language,
 * supporters and marking a message read. Bad input is shown back and nothing is sent.
 */
class SettingsPagesTest extends PortalTest {

    static final String PREFERENCES = "{\"channels\":{\"THANK_YOU\":[\"EMAIL\",\"INBOX\"],\"QUEUE_DIGEST\":[\"EMAIL\"]},"
            + "\"quietHours\":null,\"digest\":false,\"language\":null,\"timeZone\":\"Europe/London\","
            + "\"availableChannels\":[\"EMAIL\",\"INBOX\"]}";

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void zoe() {
        STUB.json("GET " + TB + "/profiles/zoe", "{\"memberId\":\"zoe\",\"displayName\":\"Zoe\",\"skills\":[\"gardening\"],"
                        + "\"languages\":[\"en\"],\"availability\":[\"TUESDAY_AFTERNOON\"],\"district\":\"N1\","
                        + "\"modes\":[\"IN_PERSON\"],\"accessibilityNeeds\":[],\"paused\":false,\"sharedWithMembers\":[\"district\"]}")
                .json("PUT " + TB + "/profiles/zoe", "{\"memberId\":\"zoe\"}")
                .json("GET " + TB + "/preferences", PREFERENCES)
                .json("PUT " + TB + "/preferences", PREFERENCES)
                .json("GET " + TB + "/profiles/sam", "{\"memberId\":\"sam\",\"displayName\":\"Sam Support\"}")
                .json("GET " + TB + "/members/zoe/supporters", "{\"supporterIds\":[\"sam\"]}")
                .answer("POST " + TB + "/members/zoe/supporters", 201, "application/json", "")
                .answer("DELETE " + TB + "/members/zoe/supporters/sam", 204, "application/json", "")
                .answer("POST " + TB + "/inbox/evt-1:zoe:INBOX/read", 204, "application/json", "");
        STUB.clear();
    }

    @AfterEach
    void noSavedLanguageForOthers() {
        STUB.json("GET " + TB + "/preferences", PREFERENCES);
    }

    @Test
    void theProfileReadsInPlainWordsAndLinksToEverySetting() throws Exception {
        mvc.perform(get("/profile").with(member("zoe")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Gardening")))
                .andExpect(content().string(containsString("Tuesday afternoon")))
                .andExpect(content().string(containsString("English")))
                .andExpect(content().string(containsString("href=\"/profile/edit\"")))
                .andExpect(content().string(containsString("href=\"/profile/notifications\"")))
                .andExpect(content().string(containsString("href=\"/profile/language\"")))
                .andExpect(content().string(containsString("href=\"/profile/supporters\"")));
    }

    @Test
    void savingTheProfileSendsEveryFieldToMatching() throws Exception {
        mvc.perform(get("/profile/edit").with(member("zoe"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"TUESDAY_AFTERNOON\" checked=\"checked\"")));
        mvc.perform(post("/profile/edit").with(member("zoe")).with(csrf())
                        .param("skills", "gardening", "cooking").param("tags", "Soup, bread")
                        .param("languages", "en", "fr").param("availability", "MONDAY_EVENING")
                        .param("district", "m14").param("modes", "REMOTE").param("accessibilityNeeds", "quiet place")
                        .param("shared", "district", "accessibilityNeeds"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/profile"));
        String body = STUB.last("PUT", TB + "/profiles/zoe").body();
        assertThat(body).contains("\"skills\":[\"gardening\",\"cooking\"]", "\"tags\":[\"soup\",\"bread\"]",
                "\"district\":\"M14\"", "\"availability\":[\"MONDAY_EVENING\"]", "\"modes\":[\"REMOTE\"]",
                "\"accessibilityNeeds\":[\"quiet place\"]", "\"sharedWithMembers\":[\"district\",\"accessibilityNeeds\"]");
    }

    @Test
    void aBadProfileIsShownBackWithAnErrorSummaryAndNothingIsSent() throws Exception {
        mvc.perform(post("/profile/edit").with(member("zoe")).with(csrf()).param("district", "12 High Street")
                        .param("tags", "knitting").param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("href=\"#district\"")))
                .andExpect(content().string(containsString("première moitié de votre code postal")))
                .andExpect(content().string(containsString("value=\"knitting\"")));
        assertThat(STUB.last("PUT", TB + "/profiles/zoe")).isNull();
    }

    @Test
    void matchingsRefusalIsShownAtItsField() throws Exception {
        STUB.problem("PUT " + TB + "/profiles/zoe", 400, "unknown-district", "We do not know the area ZZ9.");
        mvc.perform(post("/profile/edit").with(member("zoe")).with(csrf()).param("district", "ZZ9"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"#district\">We do not know the area ZZ9.</a>")));
    }

    @Test
    void turningEmailOffForThankYousAndSettingQuietHoursSendsTheWholePreferences() throws Exception {
        mvc.perform(get("/profile/notifications").with(member("zoe"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Thank-yous for your time")))
                .andExpect(content().string(not(containsString("Coordinators:"))));
        mvc.perform(post("/profile/notifications").with(member("zoe")).with(csrf())
                        .param("inbox", "THANK_YOU", "WELCOME").param("email", "WELCOME")
                        .param("quiet", "some").param("quietStart", "22:00").param("quietEnd", "7:00"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/profile/notifications"));
        String body = STUB.last("PUT", TB + "/preferences").body();
        assertThat(body).contains("\"THANK_YOU\":[\"INBOX\"]", "\"WELCOME\":[\"INBOX\",\"EMAIL\"]",
                "\"QUEUE_DIGEST\":[\"EMAIL\"]", "\"MONTHLY_STATEMENT\":[]",
                "\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\"}", "\"digest\":false");
    }

    @Test
    void aMemberMayChooseHowToHearThatAMatchWasCalledOff() throws Exception {
        mvc.perform(get("/profile/notifications").with(member("zoe"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("A match was called off")))
                .andExpect(content().string(containsString("id=\"inbox-MATCH_CANCELLED\"")))
                .andExpect(content().string(containsString("id=\"email-MATCH_CANCELLED\"")));
        mvc.perform(post("/profile/notifications").with(member("zoe")).with(csrf())
                        .param("inbox", "MATCH_CANCELLED").param("quiet", "none"))
                .andExpect(status().is3xxRedirection());
        assertThat(STUB.last("PUT", TB + "/preferences").body()).contains("\"MATCH_CANCELLED\":[\"INBOX\"]");
    }

    @Test
    void quietHoursThatAreNotTimesAreShownBackAndNothingIsSent() throws Exception {
        mvc.perform(post("/profile/notifications").with(member("zoe")).with(csrf())
                        .param("quiet", "some").param("quietStart", "late").param("quietEnd", "07:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#quietStart\"")))
                .andExpect(content().string(containsString("value=\"late\"")));
        assertThat(STUB.last("PUT", TB + "/preferences")).isNull();
    }

    @Test
    void savingFrenchKeepsItWithThePreferencesAndSwitchesThePortal() throws Exception {
        mvc.perform(post("/profile/language").with(member("zoe")).with(csrf()).param("language", "fr"))
                .andExpect(status().is3xxRedirection())
                .andExpect(cookie().value("RECIPROCITY_LANG", "fr"));
        assertThat(STUB.last("PUT", TB + "/preferences").body()).contains("\"language\":\"fr\"",
                "\"THANK_YOU\":[\"EMAIL\",\"INBOX\"]");
        mvc.perform(post("/profile/language").with(member("zoe")).with(csrf()).param("language", "de"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#language\"")));
    }

    @Test
    void theSavedLanguageIsReadOnceASessionAndMadeThePagesLanguage() throws Exception {
        STUB.json("GET " + TB + "/preferences", PREFERENCES.replace("\"language\":null", "\"language\":\"fr\""));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/profile").session(session).with(member("zoe")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"fr\"")))
                .andExpect(cookie().value("RECIPROCITY_LANG", "fr"));
        STUB.clear();
        mvc.perform(get("/profile").session(session).with(member("zoe"))).andExpect(status().isOk());
        assertThat(STUB.last("GET", TB + "/preferences")).as("read once a session, not on every page").isNull();
    }

    @Test
    void supportersAreListedByNameNamedAndWithdrawn() throws Exception {
        mvc.perform(get("/profile/supporters").with(member("zoe"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sam Support")))
                .andExpect(content().string(containsString("log hours you gave or received")));
        mvc.perform(post("/profile/supporters").with(member("zoe")).with(csrf()).param("action", "name")
                        .param("counterpart", "sam"))
                .andExpect(status().is3xxRedirection());
        assertThat(STUB.last("POST", TB + "/members/zoe/supporters").body()).isEqualTo("{\"supporterId\":\"sam\"}");
        mvc.perform(post("/profile/supporters/withdraw").with(member("zoe")).with(csrf()).param("supporterId", "sam"))
                .andExpect(status().is3xxRedirection());
        assertThat(STUB.last("DELETE", TB + "/members/zoe/supporters/sam")).isNotNull();
    }

    @Test
    void namingNobodyOrYourselfIsRefusedAndNothingIsSent() throws Exception {
        mvc.perform(post("/profile/supporters").with(member("zoe")).with(csrf()).param("action", "name"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#counterpart-search\"")));
        mvc.perform(post("/profile/supporters").with(member("zoe")).with(csrf()).param("action", "name")
                .param("counterpart", "zoe")).andExpect(status().isOk())
                .andExpect(content().string(containsString("someone other than yourself")));
        assertThat(STUB.last("POST", TB + "/members/zoe/supporters")).isNull();
    }

    @Test
    void anInboxMessageIsMarkedReadAndTheMemberIsBackAtTheInbox() throws Exception {
        mvc.perform(post("/inbox/evt-1:zoe:INBOX/read").with(member("zoe")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/#inbox"));
        assertThat(STUB.last("POST", TB + "/inbox/evt-1:zoe:INBOX/read")).isNotNull();
        mvc.perform(post("/inbox/evt-1:zoe:INBOX/read").with(member("zoe"))).andExpect(status().isForbidden());
    }
}
