package org.reciprocity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Issue 16, what the coordinator's pages read from matching, on the real broker and wire protocol: a
 * listing's suggestions with who is left out and why, the timebank's matches by state, a plan's
 * proposals with titles and names, and sending a subset of them once.
 */
@ServiceIntegrationTest
class CoordinatorDeskIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    String timebank;
    ApiClient api;
    String coordinator = "coordinator-" + UUID.randomUUID();
    String sam;
    String ali;
    String noor;
    String kim;

    @BeforeEach
    void setUp() {
        timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        api = new ApiClient("http://localhost:" + port);
        sam = register("Sam");
        ali = register("Ali");
        noor = register("Noor");
        kim = register("Kim");
        for (String m : List.of(sam, ali, noor, kim)) {
            await().atMost(WAIT).until(() -> api.get(base() + "/profiles/" + m, token(m)).status() == 200);
            assertThat(api.put(base() + "/profiles/" + m, token(m), Map.of("district", "M14", "languages", List.of("en"),
                    "availability", List.of("TUESDAY_AFTERNOON"), "skills", List.of(), "modes", List.of("IN_PERSON")))
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void aCoordinatorSeesWhoIsNotSuggestedAndWhyPausedNotCheckedOrAccessNotMet() {
        String need = publish(sam, "NEED", "A walk, step-free please", true, List.of("step-free"));
        String aliOffer = publish(ali, "OFFER", "Walks with Ali", false, List.of("step-free"));
        String noorOffer = publish(noor, "OFFER", "Walks with Noor", false, List.of("step-free"));
        publish(kim, "OFFER", "Walks with Kim", false, List.of());
        put("/profiles/" + ali + "/verification", Map.of("verified", true));
        put("/profiles/" + kim + "/verification", Map.of("verified", true));
        assertThat(api.post(base() + "/profiles/" + noor + "/pause", token(noor), "{}").status()).isEqualTo(200);

        // one suggestion shown: Kim's offer, which does not say it is step-free, ranks below Ali's and is left out
        ApiClient.Response view = api.get(base() + "/coordinator/listings/" + need + "/suggestions?limit=1",
                token(coordinator, "COORDINATOR"));

        assertThat(view.status()).as(view.body()).isEqualTo(200);
        JsonNode json = view.json();
        assertThat(json.path("listing").path("title").asString()).isEqualTo("A walk, step-free please");
        assertThat(json.path("listing").path("ownerName").asString()).isEqualTo("Sam");
        assertThat(json.path("suggestions").get(0).path("listingId").asString()).isEqualTo(aliOffer);
        assertThat(json.path("suggestions").get(0).path("reasons").get(0).asString()).contains("Ali");
        assertThat(json.path("suggestions").toString()).doesNotContain(noor).doesNotContain(kim);
        JsonNode left = json.path("notSuggested");
        assertThat(left.valueStream().filter(c -> c.path("memberId").asString().equals(noor)).findFirst().orElseThrow()
                .path("code").asString()).isEqualTo("member-paused");
        JsonNode kimLeft = left.valueStream().filter(c -> c.path("memberId").asString().equals(kim)).findFirst()
                .orElseThrow();
        assertThat(kimLeft.path("code").asString()).isEqualTo("access-may-not-be-met");
        assertThat(kimLeft.path("reason").asString()).contains("step-free");
        assertThat(json.path("notSuggestedTotal").asInt()).isEqualTo(2);
        assertThat(noorOffer).isNotBlank();

        // Noor has not been checked either: one reason is enough, the first the rules meet
        assertThat(api.get(base() + "/coordinator/listings/" + need + "/suggestions", token(sam)).status())
                .as("the owner reads their own suggestions, not who is left out").isEqualTo(403);
        assertThat(api.get(base() + "/coordinator/listings/" + need + "/suggestions?notSuggested=99",
                token(coordinator, "COORDINATOR")).status()).isEqualTo(400);
    }

    @Test
    void whenTheListingsOwnerHasPausedThePageSaysSoOnceAndSuggestsNobody() {
        String need = publish(sam, "NEED", "Someone to walk with", false, List.of());
        publish(ali, "OFFER", "Walks with Ali", false, List.of());
        api.post(base() + "/profiles/" + sam + "/pause", token(sam), "{}");

        JsonNode json = api.get(base() + "/coordinator/listings/" + need + "/suggestions",
                token(coordinator, "COORDINATOR")).json();

        assertThat(json.path("unavailableCode").asString()).isEqualTo("member-paused");
        assertThat(json.path("unavailable").asString()).contains("Sam");
        assertThat(json.path("suggestions").size()).isZero();
    }

    @Test
    void theTimebanksMatchesComeByStateWithNamesAndCounts() {
        String need = publish(sam, "NEED", "Someone to walk with", false, List.of());
        String offer = publish(ali, "OFFER", "Walks with Ali", false, List.of());
        String need2 = publish(kim, "NEED", "Help with a form", false, List.of());
        String offer2 = publish(noor, "OFFER", "Walks with Noor", false, List.of());
        String agreed = propose(need, offer);
        String proposed = propose(need2, offer2);
        api.post(base() + "/matches/" + agreed + "/accept", token(ali), "{}");
        api.post(base() + "/matches/" + agreed + "/accept", token(sam), "{}");

        ApiClient.Response page = api.get(base() + "/coordinator/matches?state=proposed", token(coordinator, "COORDINATOR"));

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        JsonNode json = page.json();
        assertThat(json.path("matches").size()).isEqualTo(1);
        JsonNode first = json.path("matches").get(0);
        assertThat(first.path("id").asString()).isEqualTo(proposed);
        assertThat(first.path("giverName").asString()).isEqualTo("Noor");
        assertThat(first.path("receiverName").asString()).isEqualTo("Kim");
        assertThat(first.path("activity").asString()).isEqualTo("Help with a form");
        assertThat(json.path("counts").path("AGREED").asLong()).isEqualTo(1);
        assertThat(json.path("counts").path("PROPOSED").asLong()).isEqualTo(1);
        assertThat(api.get(base() + "/coordinator/matches?state=agreed", token(coordinator, "COORDINATOR")).json()
                .path("matches").get(0).path("id").asString()).isEqualTo(agreed);
        assertThat(api.get(base() + "/coordinator/matches?state=proposed&page=1", token(coordinator, "COORDINATOR"))
                .json().path("matches").size()).isZero();

        assertThat(api.get(base() + "/coordinator/matches?state=lost", token(coordinator, "COORDINATOR")).status())
                .isEqualTo(400);
        assertThat(api.get(base() + "/coordinator/matches?size=1000", token(coordinator, "COORDINATOR")).status())
                .isEqualTo(400);
        assertThat(api.get(base() + "/coordinator/matches", token(sam)).status()).isEqualTo(403);
    }

    @Test
    void aPlanNamesWhatItProposesAndSendsTheKeptOnesOnce() {
        publish(sam, "NEED", "Someone to walk with", false, List.of());
        publish(ali, "OFFER", "Walks with Ali", false, List.of());
        publish(kim, "NEED", "A walk on Tuesday", false, List.of());
        publish(noor, "OFFER", "Walks with Noor", false, List.of());
        ApiClient.Response planned = api.post(base() + "/coordinator/plans", token(coordinator, "COORDINATOR"), "{}");
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        JsonNode proposals = planned.json().path("proposals");
        assertThat(proposals.size()).isEqualTo(2);
        assertThat(proposals.get(0).path("needTitle").asString()).isNotBlank();
        assertThat(proposals.get(0).path("giverName").asString()).isIn("Ali", "Noor");
        assertThat(proposals.get(0).path("receiverName").asString()).isIn("Sam", "Kim");
        String plan = planned.text("id");
        long before = mongo.getCollection("matches").countDocuments();

        ApiClient.Response sent = api.post(base() + "/coordinator/plans/" + plan + "/send",
                token(coordinator, "COORDINATOR"), Map.of("keep", List.of(1)));

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().path("sent").size()).isEqualTo(1);
        assertThat(sent.text("status")).isEqualTo("SENT");
        ApiClient.Response again = api.post(base() + "/coordinator/plans/" + plan + "/send",
                token(coordinator, "COORDINATOR"), Map.of("keep", List.of(0, 1)));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.text("code")).isEqualTo("plan-already-sent");
        assertThat(mongo.getCollection("matches").countDocuments()).isEqualTo(before + 1);

        // the need now has a proposed match: a new plan leaves it out and plans only the other
        String sentNeed = proposals.get(1).path("needListingId").asString();
        JsonNode next = api.post(base() + "/coordinator/plans", token(coordinator, "COORDINATOR"), "{}").json()
                .path("proposals");
        assertThat(next.size()).isEqualTo(1);
        assertThat(next.get(0).path("needListingId").asString()).isNotEqualTo(sentNeed);
    }

    private String propose(String need, String offer) {
        ApiClient.Response proposed = api.post(base() + "/matches", token(coordinator, "COORDINATOR"),
                Map.of("needListingId", need, "offerListingId", offer));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        return proposed.text("id");
    }

    private void put(String path, Object body) {
        assertThat(api.put(base() + path, token(coordinator, "COORDINATOR"), body).status()).isEqualTo(200);
    }

    private String register(String name) {
        String id = UUID.randomUUID().toString();
        LedgerMembers.send(SharedInfrastructure.get().kafkaBootstrapServers(), new MemberRegistered(UUID.randomUUID(),
                Instant.now(), timebank, id, MemberKind.NEIGHBOUR, name, null, "en", null, coordinator));
        return id;
    }

    private String publish(String owner, String kind, String title, boolean requiresVerified, List<String> access) {
        ApiClient.Response response = api.post(base() + "/listings", token(owner), Map.of("kind", kind, "title", title,
                "category", "befriending", "tags", List.of("walking"), "estimatedMinutes", 60, "mode", "IN_PERSON",
                "district", "M14", "expiresAt", Instant.now().plusSeconds(86_400 * 30).toString(),
                "requiresVerified", requiresVerified, "accessibility", access));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }

    private String base() {
        return "/api/v1/timebanks/" + timebank;
    }

    private String token(String member, String... roles) {
        return SharedInfrastructure.get().tokens().token(member, timebank, roles.length == 0 ? new String[] {"MEMBER"} : roles);
    }
}
