package org.reciprocity.matching.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.matching.LedgerMembers;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Matching's half of the portal's coordinator queue, on the real broker and store: a need nobody
 * is matched with, a proposal nobody has answered yet (and its need no longer counted as without
 * a match), a newcomer who has filled in nothing, each with the name members see; true counts
 * beside a bounded list; only coordinators read it.
 */
@ServiceIntegrationTest
class CoordinatorQueuePartsIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    String timebank;
    ApiClient api;
    String sam;
    String ali;
    String zoe;

    @BeforeEach
    void setUp() {
        timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        api = new ApiClient("http://localhost:" + port);
        sam = register("Sam");
        ali = register("Ali");
        zoe = register("Zoé");
        await().atMost(WAIT).until(() -> List.of(sam, ali, zoe).stream()
                .allMatch(m -> api.get(base() + "/profiles/" + m, token(m)).status() == 200));
        for (String member : List.of(sam, ali)) {
            ApiClient.Response described = api.put(base() + "/profiles/" + member, token(member), Map.of("district", "M14",
                    "languages", List.of("en"), "availability", List.of("TUESDAY_AFTERNOON"), "skills", List.of("befriending"),
                    "modes", List.of("IN_PERSON"), "sharedWithMembers", List.of()));
            assertThat(described.status()).as(described.body()).isEqualTo(200);
        }
    }

    @Test
    void needsWithoutAMatchProposalsWaitingForAnAnswerAndNewcomersWithoutAProfileWithTheirNames() {
        String lonely = publish(sam, "NEED", "A walk on Tuesdays");
        String forms = publish(sam, "NEED", "Help with forms");
        String offer = publish(ali, "OFFER", "Walks and forms");
        ApiClient.Response proposed = api.post(base() + "/matches", token("coordinator-1", "COORDINATOR"),
                Map.of("needListingId", forms, "offerListingId", offer));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String match = proposed.text("id");

        JsonNode queue = queue(token("coordinator-1", "COORDINATOR"), 50);

        JsonNode needs = queue.path("needsWithoutMatch");
        assertThat(ids(needs, "listingId")).as("the proposed need has a match now").containsExactly(lonely);
        assertThat(needs.path("count").asLong()).isEqualTo(1);
        assertThat(needs.path("items").get(0).path("ownerName").asString()).isEqualTo("Sam");
        assertThat(needs.path("items").get(0).path("title").asString()).isEqualTo("A walk on Tuesdays");

        JsonNode proposals = queue.path("unansweredMatches");
        assertThat(ids(proposals, "matchId")).containsExactly(match);
        JsonNode proposal = proposals.path("items").get(0);
        assertThat(proposal.path("giverName").asString()).isEqualTo("Ali");
        assertThat(proposal.path("receiverName").asString()).isEqualTo("Sam");
        assertThat(proposal.path("waitingOn").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder(ali, sam);

        assertThat(api.post(base() + "/matches/" + match + "/accept", token(ali), "{}").text("status")).isEqualTo("PROPOSED");
        JsonNode afterAli = queue(token("admin-1", "ADMIN"), 50).path("unansweredMatches").path("items").get(0);
        assertThat(afterAli.path("waitingOn").valueStream().map(JsonNode::asString).toList())
                .as("only Sam's answer is missing").containsExactly(sam);

        JsonNode newcomers = queue.path("newWithoutProfile");
        assertThat(ids(newcomers, "memberId")).as("Sam and Ali filled theirs in").containsExactly(zoe);
        assertThat(newcomers.path("items").get(0).path("name").asString()).isEqualTo("Zoé");

        publish(ali, "NEED", "Someone to talk to");
        JsonNode one = queue(token("coordinator-1", "COORDINATOR"), 1).path("needsWithoutMatch");
        assertThat(one.path("count").asLong()).as("the true count").isEqualTo(2);
        assertThat(ids(one, "listingId")).as("at most the limit, oldest first").containsExactly(lonely);
    }

    @Test
    void aMemberIsRefusedAndALimitOutOfRangeIsABadRequest() {
        assertThat(api.get(base() + "/coordinator/queue", token(sam)).status()).isEqualTo(403);
        assertThat(api.get(base() + "/coordinator/queue?limit=0", token("coordinator-1", "COORDINATOR")).status())
                .isEqualTo(400);
    }

    private JsonNode queue(String token, int limit) {
        ApiClient.Response r = api.get(base() + "/coordinator/queue?limit=" + limit, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> ids(JsonNode part, String field) {
        List<String> ids = new ArrayList<>();
        part.path("items").forEach(i -> ids.add(i.path(field).asString()));
        return ids;
    }

    private String publish(String owner, String kind, String title) {
        ApiClient.Response response = api.post(base() + "/listings", token(owner), Map.of("kind", kind, "title", title,
                "category", "befriending", "tags", List.of("walking"), "estimatedMinutes", 60, "mode", "IN_PERSON",
                "district", "M14", "expiresAt", Instant.now().plusSeconds(86_400 * 30).toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }

    private String register(String name) {
        String id = UUID.randomUUID().toString();
        LedgerMembers.send(bootstrap, new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank, id,
                MemberKind.SERVICE_USER, name, null, "en", null, "coordinator-1"));
        return id;
    }

    private String base() {
        return "/api/v1/timebanks/" + timebank;
    }

    private String token(String member, String... roles) {
        return SharedInfrastructure.get().tokens().token(member, timebank, roles.length == 0 ? new String[] {"MEMBER"} : roles);
    }
}
