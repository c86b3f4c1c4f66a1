package org.reciprocity.portal.profile;

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
 * Issue 18: once a member answered who may see their accessibility needs, that answer alone decides,
 * so the profile no longer offers the old "share with members" box for them; it says the answer and
 * links to "What you allow". A member who never answered keeps the box as before.
 */
class AccessibilityConsentPagesTest extends PortalTest {

    static final String SHARED_BOX = "name=\"shared\" id=\"share-accessibilityNeeds\"";

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void adaSaidYesBenNeverAnsweredEdaSaidNo() {
        STUB.json("GET " + TB + "/profiles/ada", profile("ada", "Ada"))
                .json("PUT " + TB + "/profiles/ada", "{\"memberId\":\"ada\"}")
                .json("GET " + TB + "/members/ada/consents", consents("ada", "{\"consent\":\"SHOW_ACCESSIBILITY_TO_MATCHES\","
                        + "\"given\":true,\"at\":\"2026-12-01T10:00:00Z\",\"how\":\"PAGE\"}"))
                .json("GET " + TB + "/profiles/eda", profile("eda", "Eda"))
                .json("GET " + TB + "/members/eda/consents", consents("eda", "{\"consent\":\"SHOW_ACCESSIBILITY_TO_MATCHES\","
                        + "\"given\":false,\"at\":\"2026-12-01T10:00:00Z\",\"how\":\"PAPER\"}"))
                .json("GET " + TB + "/profiles/ben", profile("ben", "Ben"))
                .json("PUT " + TB + "/profiles/ben", "{\"memberId\":\"ben\"}")
                .json("GET " + TB + "/members/ben/consents", consents("ben", "{\"consent\":\"SHOW_ACCESSIBILITY_TO_MATCHES\"}"));
    }

    @Test
    void onceAnsweredTheProfileSaysTheAnswerAndWhereToChangeItInsteadOfTheOldBox() throws Exception {
        mvc.perform(get("/profile").with(member("ada")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Who sees my access needs")))
                .andExpect(content().string(containsString("People I am matched with")))
                .andExpect(content().string(containsString("id=\"accessibility-consent-link\" href=\"/my-data/consents\"")))
                .andExpect(content().string(not(containsString("My accessibility needs"))))
                .andExpect(content().string(containsString("My area")));
        mvc.perform(get("/profile").with(member("eda")).param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Qui voit mes besoins d’accès")))
                .andExpect(content().string(containsString("Aucun autre membre")));
    }

    @Test
    void onceAnsweredTheEditPageOffersNoBoxAndSavingKeepsTheStoredOneAsItWas() throws Exception {
        mvc.perform(get("/profile/edit").with(member("ada")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(SHARED_BOX))))
                .andExpect(content().string(containsString("type=\"hidden\" name=\"shared\" value=\"accessibilityNeeds\"")))
                .andExpect(content().string(containsString("You can change it on What you allow.")))
                .andExpect(content().string(containsString("href=\"/my-data/consents\"")));
        mvc.perform(get("/profile/edit").with(member("eda")).param("lang", "fr"))
                .andExpect(content().string(containsString("dans Ce que vous permettez.")));

        STUB.clear();
        mvc.perform(post("/profile/edit").with(member("ada")).with(csrf()).param("district", "N1")
                        .param("shared", "district", "accessibilityNeeds"))
                .andExpect(redirectedUrl("/profile"));
        assertThat(STUB.last("PUT", TB + "/profiles/ada").body())
                .contains("\"sharedWithMembers\":[\"district\",\"accessibilityNeeds\"]");
    }

    @Test
    void aMemberWhoNeverAnsweredKeepsTheBoxAsBefore() throws Exception {
        mvc.perform(get("/profile/edit").with(member("ben")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(SHARED_BOX)))
                .andExpect(content().string(not(containsString("id=\"accessibility-consent\""))))
                .andExpect(content().string(not(containsString("type=\"hidden\" name=\"shared\""))));
        mvc.perform(get("/profile").with(member("ben")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("My accessibility needs")))
                .andExpect(content().string(not(containsString("Who sees my access needs"))));

        STUB.clear();
        mvc.perform(post("/profile/edit").with(member("ben")).with(csrf()).param("district", "N1")
                        .param("shared", "district"))
                .andExpect(redirectedUrl("/profile"));
        assertThat(STUB.last("PUT", TB + "/profiles/ben").body()).contains("\"sharedWithMembers\":[\"district\"]");
    }

    private static String profile(String id, String name) {
        return "{\"memberId\":\"" + id + "\",\"displayName\":\"" + name + "\",\"skills\":[],\"languages\":[\"en\"],"
                + "\"district\":\"N1\",\"accessibilityNeeds\":[\"quiet place\"],\"paused\":false,"
                + "\"sharedWithMembers\":[\"district\",\"accessibilityNeeds\"]}";
    }

    private static String consents(String id, String accessibility) {
        return "{\"memberId\":\"" + id + "\",\"consents\":[" + accessibility + ",{\"consent\":\"EMAIL_ME\"}]}";
    }
}
