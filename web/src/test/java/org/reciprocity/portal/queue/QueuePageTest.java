package org.reciprocity.portal.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The coordinator's queue: kept to coordinators, every kind in one sentence with its next step and
 * the address that does it, counts, filter and order in the address, the list alone for htmx, and
 * in French. Ledger and matching answer on the same path, so the stub's one answer holds both
 * halves (each reader takes its own fields).
 */
class QueuePageTest extends PortalTest {

    static final String BOTH_HALVES = """
            {"disputes":{"count":1,"items":[{"contributionId":"c-d","giverId":"sam","giverName":"Sam",
              "receiverId":"ali","receiverName":"Ali","minutes":120,"loggedAt":"2026-11-20T10:00:00Z","remindersSent":0}]},
             "waitingPastReminder":{"count":2,"items":[
               {"contributionId":"c-old","giverId":"sam","giverName":"Sam","receiverId":"kim","receiverName":"Kim",
                "minutes":45,"loggedAt":"2026-11-01T10:00:00Z","remindersSent":2,"waitingOnId":"kim"},
               {"contributionId":"c-new","giverId":"kim","giverName":"Kim","receiverId":"sam","receiverName":null,
                "minutes":30,"loggedAt":"2026-11-10T10:00:00Z","remindersSent":1,"waitingOnId":"sam"}]},
             "balancesNearLimit":{"count":1,"items":[{"memberId":"ali","name":"Ali","balanceMinutes":-480,
               "limitMinutes":-600,"side":"LOW"}]},
             "needsWithoutMatch":{"count":120,"items":[{"listingId":"l-9","ownerId":"bo","ownerName":"Bo",
               "title":"Help with forms","publishedAt":"2026-11-25T09:00:00Z"}]},
             "unansweredMatches":{"count":1,"items":[{"matchId":"m-1","giverId":"kim","giverName":"Kim",
               "receiverId":"bo","receiverName":"Bo","activity":"Help with forms","proposedAt":"2026-11-26T09:00:00Z",
               "waitingOn":["bo"]}]},
             "receivedMuchGaveNothing":{"count":0,"items":[]},
             "gaveMuchReceivedNothing":{"count":1,"items":[{"memberId":"kim","name":"Kim","givenMinutes":600,"receivedMinutes":0}]},
             "newWithoutProfile":{"count":1,"items":[{"memberId":"zoe","name":"Zoé","registeredAt":"2026-11-29T09:00:00Z"}]},
             "needsWithoutAgreedMatch":[{"listingId":"private-field-ignored"}]}
            """;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void bothServicesAnswer() {
        STUB.json("GET " + TB + "/coordinator/queue", BOTH_HALVES);
    }

    @Test
    void aMemberWhoIsNotACoordinatorGets403() throws Exception {
        mvc.perform(get("/coordinator").with(member("ana"))).andExpect(status().isForbidden());
    }

    @Test
    void everyKindIsOneSentenceWithItsNextStepAtTheAgreedAddress() throws Exception {
        String page = mvc.perform(get("/coordinator").param("lang", "en").with(member("cora", "MEMBER", "COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("??"))))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Sam and Ali disagree about 2 h that Sam gave Ali.",
                "href=\"/coordinator/contributions/c-d\"", "Settle the dispute");
        assertThat(page).contains("Kim has not said yes to 45 min with Sam. A reminder went out.",
                "href=\"/coordinator/contributions/c-old\"");
        assertThat(page).as("a member the service could not name is 'a member', never an id")
                .contains("a member has not said yes to 30 min with Kim. A reminder went out.");
        assertThat(page).contains("Bo needs help: “Help with forms”. Nobody is matched yet.",
                "href=\"/coordinator/listings/l-9/suggestions\"", "Find a match");
        assertThat(page).contains("Kim to help Bo: “Help with forms”. Waiting for Bo’s answer.",
                "href=\"/coordinator/matches#match-m-1\"");
        assertThat(page).contains("Zoé joined and has not filled in their profile yet.", "href=\"/coordinator/members/zoe\"",
                "Welcome them");
        assertThat(page).contains("Ali’s balance is -8 h, close to the lowest allowed (-10 h).",
                "href=\"/coordinator/members/ali\"");
        assertThat(page).contains("Kim has given 10 h and has not received any time yet.");
        assertThat(page).as("the true counts, beside what is shown")
                .contains("id=\"count-needs\">120<", "id=\"count-waiting\">2<", "Showing the first 1 of 120.");
        assertThat(page).contains("127 things need you", "id=\"refresh\"", "hx-trigger=\"every 30s, sse:inbox\"",
                "sse-connect=\"/live\"");
        assertThat(page).doesNotContain("private-field-ignored");
        assertThat(page).as("a kind with nothing in it is only counted").doesNotContain("id=\"kind-received-only\"")
                .contains("id=\"count-received-only\">0<");
        assertThat(page.indexOf("id=\"kind-disputes\"")).as("disputes first").isLessThan(page.indexOf("id=\"kind-needs\""));
        assertThat(STUB.last("GET", TB + "/coordinator/queue").query()).as("the overview asks for a few of each kind")
                .isEqualTo("limit=5&newest=false");
        assertThat(page).as("a kind with more than shown opens on its own").contains("id=\"see-all-needs\"",
                "href=\"/coordinator?kind=needs&amp;sort=oldest\"");
    }

    @Test
    void aFilterShowsOneKindAndTheOrderCanBeNewestFirst() throws Exception {
        String oldest = mvc.perform(get("/coordinator").param("kind", "waiting").with(member("cora", "COORDINATOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(oldest).contains("id=\"kind-waiting\"").doesNotContain("id=\"kind-disputes\"", "id=\"kind-needs\"");
        assertThat(oldest).as("the summary still counts every kind").contains("id=\"count-disputes\">1<");
        assertThat(oldest.indexOf("item-waiting-c-old")).isLessThan(oldest.indexOf("item-waiting-c-new"));

        String newest = mvc.perform(get("/coordinator").param("kind", "waiting").param("sort", "newest")
                .with(member("cora", "COORDINATOR"))).andReturn().getResponse().getContentAsString();
        assertThat(newest.indexOf("item-waiting-c-new")).isLessThan(newest.indexOf("item-waiting-c-old"));
        assertThat(newest).contains("value=\"newest\" checked=\"checked\"");
        assertThat(STUB.last("GET", TB + "/coordinator/queue").query())
                .as("one kind: up to 50, the newest chosen by the service before it cuts the list")
                .isEqualTo("limit=50&newest=true");

        String unknown = mvc.perform(get("/coordinator").param("kind", "<script>").with(member("cora", "COORDINATOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).as("a kind the page does not know shows everything")
                .contains("id=\"kind-disputes\"", "id=\"kind-needs\"").doesNotContain("<script>");
    }

    @Test
    void htmxGetsTheListAloneToPutInPlace() throws Exception {
        String list = mvc.perform(get("/coordinator").header("HX-Request", "true").param("sort", "newest")
                        .with(member("cora", "COORDINATOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list.strip()).startsWith("<div id=\"queue\"");
        assertThat(list).contains("hx-get=\"/coordinator?kind=&amp;sort=newest\"").doesNotContain("<html", "<header");
    }

    @Test
    void inFrench() throws Exception {
        mvc.perform(get("/coordinator").param("lang", "fr").with(member("cora", "COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ce qui vous attend")))
                .andExpect(content().string(containsString("Sam et Ali ne sont pas d’accord sur 2 h que Sam a donné à Ali.")))
                .andExpect(content().string(containsString("Régler le désaccord")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void whenOneServiceIsAwayTheOtherHalfIsShownAndThePageSaysSo() throws Exception {
        STUB.problem("GET " + TB + "/coordinator/queue", 503, "unavailable", "Away.");
        mvc.perform(get("/coordinator").with(member("cora", "COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"queue-missing\"")));
    }
}
