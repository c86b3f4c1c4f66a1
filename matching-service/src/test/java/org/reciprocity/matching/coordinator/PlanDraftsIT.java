package org.reciprocity.matching.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.matching.LedgerMembers;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The queue's plans waiting for review come from memory, not from reading every plan whole on each
 * page (docs/benchmarks/coordinator.md): a plan drafted shows at once with its number of proposals,
 * a reload from the store (another instance's view, or a restart) finds the same brief, and a plan
 * sent leaves the queue.
 */
@ServiceIntegrationTest
class PlanDraftsIT {

    @LocalServerPort
    int port;

    @Autowired
    PlanDrafts drafts;

    String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aDraftShowsInTheQueueWithItsProposalsUntilItIsSent() {
        ApiClient api = new ApiClient("http://localhost:" + port);
        String sam = register("Sam");
        String ali = register("Ali");
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(sam, ali).stream()
                .allMatch(m -> api.get(base() + "/profiles/" + m, token(m)).status() == 200));
        for (String member : List.of(sam, ali)) {
            ApiClient.Response described = api.put(base() + "/profiles/" + member, token(member), Map.of("district", "M14",
                    "languages", List.of("en"), "availability", List.of("TUESDAY_AFTERNOON"), "skills", List.of("befriending"),
                    "modes", List.of("IN_PERSON"), "sharedWithMembers", List.of()));
            assertThat(described.status()).as(described.body()).isEqualTo(200);
        }
        publish(api, sam, "NEED", "A walk on Tuesdays");
        publish(api, ali, "OFFER", "Walks in the park");
        String coordinator = token("coordinator-1", "COORDINATOR");

        ApiClient.Response planned = api.post(base() + "/coordinator/plans", coordinator, "{}");
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        String plan = planned.text("id");
        int proposals = planned.json().path("proposals").size();
        assertThat(proposals).as("the need and the offer make a pair").isEqualTo(1);

        JsonNode waiting = queue(api, coordinator).path("plansAwaitingReview");
        assertThat(waiting.size()).isEqualTo(1);
        assertThat(waiting.get(0).path("planId").asString()).isEqualTo(plan);
        assertThat(waiting.get(0).path("proposals").asInt()).isEqualTo(proposals);

        drafts.reload();
        assertThat(drafts.of(timebank)).as("the store's brief agrees with the plan").singleElement()
                .satisfies(d -> assertThat(d.proposals()).isEqualTo(proposals));

        ApiClient.Response sent = api.post(base() + "/coordinator/plans/" + plan + "/send", coordinator, "{}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(queue(api, coordinator).path("plansAwaitingReview").size()).as("a sent plan waits for nobody").isZero();
        drafts.reload();
        assertThat(drafts.of(timebank)).isEmpty();
    }

    private JsonNode queue(ApiClient api, String token) {
        ApiClient.Response r = api.get(base() + "/coordinator/queue", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private void publish(ApiClient api, String owner, String kind, String title) {
        ApiClient.Response response = api.post(base() + "/listings", token(owner), Map.of("kind", kind, "title", title,
                "category", "befriending", "tags", List.of("walking"), "estimatedMinutes", 60, "mode", "IN_PERSON",
                "district", "M14", "expiresAt", Instant.now().plusSeconds(86_400 * 30).toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private String register(String name) {
        String id = UUID.randomUUID().toString();
        LedgerMembers.send(SharedInfrastructure.get().kafkaBootstrapServers(), new MemberRegistered(UUID.randomUUID(),
                Instant.now(), timebank, id, MemberKind.SERVICE_USER, name, null, "en", null, "coordinator-1"));
        return id;
    }

    private String base() {
        return "/api/v1/timebanks/" + timebank;
    }

    private String token(String member, String... roles) {
        return SharedInfrastructure.get().tokens().token(member, timebank, roles.length == 0 ? new String[] {"MEMBER"} : roles);
    }
}
