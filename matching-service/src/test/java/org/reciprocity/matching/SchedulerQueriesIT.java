package org.reciprocity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.listing.Listings;
import org.reciprocity.matching.match.Match;
import org.reciprocity.matching.match.Matches;
import org.reciprocity.matching.profile.Profiles;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Each scheduled job's store queries, run against the embedded store (mongo-java-server over the
 * wire): what a job reads with its projection is what a whole-document read gives, so it answers
 * the same on MongoDB. A new {@code @Scheduled} job fails the first test until it gets a contract here.
 */
@ServiceIntegrationTest
class SchedulerQueriesIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Listings listings;

    @Autowired
    Profiles profiles;

    @Autowired
    Matches matches;

    @Autowired
    List<ScheduledTaskHolder> schedulers;

    final String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    final String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    ApiClient api;
    String sam;
    String ali;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        sam = register("Sam");
        ali = register("Ali");
        await().atMost(WAIT).until(() -> api.get(profile(sam), token(sam)).status() == 200
                && api.get(profile(ali), token(ali)).status() == 200);
    }

    @Test
    void everyScheduledJobOfTheServiceHasAContractHere() {
        Set<String> jobs = schedulers.stream().flatMap(s -> s.getScheduledTasks().stream())
                .map(task -> task.getTask().getRunnable().toString())
                .map(name -> name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1))
                .collect(Collectors.toSet());
        // OutboxRelay.sweep is the kit's: its scan is run against the embedded store in the ledger's SchedulerQueriesIT;
        // PlanDrafts.reload (an aggregation counting each draft's proposals) is run against it in PlanDraftsIT
        assertThat(jobs).containsExactlyInAnyOrder("Listings.expireDue", "Listings.reload", "Profiles.reload",
                "Matches.expireDue", "Matches.reload", "OutboxRelay.sweep", "PlanDrafts.reload",
                "RetentionJob.daily", // its removals run against the embedded store in retention.RetentionJobIT
                "ReadLogRetention.daily"); // the kit's: run against the embedded store in the ledger's SchedulerQueriesIT
    }

    @Test
    void theBoardReloadReadsEachLiveListingWhole() {
        String offer = publish(ali, "OFFER", "Walks in the park", Instant.now().plusSeconds(86_400));

        listings.reload();

        Listing onTheBoard = listings.board().get(offer).orElseThrow();
        assertThat(onTheBoard).as("as read by id, whole").isEqualTo(listings.require(timebank, offer));
        assertThat(onTheBoard.title()).isEqualTo("Walks in the park");
        assertThat(onTheBoard.content().estimatedMinutes()).isEqualTo(60);
    }

    @Test
    void aListingPastItsDateIsFoundAndExpiredByTheJob() {
        String need = publish(sam, "NEED", "A walk", Instant.now().plusSeconds(86_400));
        // its date has passed (set in the store, as if the day had gone by), then the board is read again
        mongo.getCollection("listings").updateOne(new Document("_id", need),
                new Document("$set", new Document("expiresAt", Date.from(Instant.now().minusSeconds(60)))));
        listings.reload();

        assertThat(listings.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(listings.require(timebank, need).status()).isEqualTo(Listing.Status.EXPIRED);
    }

    @Test
    void theProfileReloadReadsEachProfileWhole() {
        ApiClient.Response described = api.put(profile(ali), token(ali), Map.of("district", "M13",
                "languages", List.of("ar", "en"), "availability", List.of("TUESDAY_AFTERNOON"),
                "skills", List.of("befriending"), "modes", List.of("IN_PERSON"), "sharedWithMembers", List.of()));
        assertThat(described.status()).as(described.body()).isEqualTo(200);

        profiles.reload();

        var cached = profiles.find(timebank, ali).orElseThrow();
        assertThat(cached).as("as read by id, whole").isEqualTo(profiles.findFresh(timebank, ali).orElseThrow());
        assertThat(cached.displayName()).isEqualTo("Ali");
    }

    @Test
    void theMatchReloadReadsOpenMatchesWholeAndAnUnansweredProposalExpires() {
        String offer = publish(ali, "OFFER", "Walks in the park", Instant.now().plusSeconds(86_400));
        String need = publish(sam, "NEED", "A walk on Tuesdays", Instant.now().plusSeconds(86_400));
        ApiClient.Response proposed = api.post(base() + "/matches", token("coordinator-1", "COORDINATOR"),
                Map.of("needListingId", need, "offerListingId", offer));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String id = proposed.text("id");

        matches.reload();

        Match open = matches.open().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
        assertThat(open).as("as read by id, whole").isEqualTo(matches.require(timebank, id));
        assertThat(open.estimatedMinutes()).isEqualTo(60);

        mongo.getCollection("matches").updateOne(new Document("_id", id),
                new Document("$set", new Document("expiresAt", Date.from(Instant.now().minusSeconds(60)))));
        matches.reload();
        assertThat(matches.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(matches.require(timebank, id).status()).isEqualTo(Match.Status.EXPIRED);
    }

    @Test
    void theCoordinatorQueueFindsNeedsWithAnAgreedMatchFromOneTopLevelField() {
        String offer = publish(ali, "OFFER", "Walks in the park", Instant.now().plusSeconds(86_400));
        String need = publish(sam, "NEED", "A walk on Tuesdays", Instant.now().plusSeconds(86_400));
        String id = api.post(base() + "/matches", token(sam), Map.of("needListingId", need, "offerListingId", offer))
                .text("id");
        assertThat(api.post(base() + "/matches/" + id + "/accept", token(ali), "{}").text("status")).isEqualTo("AGREED");

        assertThat(matches.needsWithAnAgreedMatch(timebank)).containsExactly(need);
        for (String reader : List.of(token("coordinator-1", "COORDINATOR"), token("admin-1", "ADMIN"))) {
            ApiClient.Response queue = api.get(base() + "/coordinator/queue", reader);
            assertThat(queue.status()).as(queue.body()).isEqualTo(200);
            assertThat(queue.body()).doesNotContain(need);
        }
    }

    private String register(String name) {
        String id = UUID.randomUUID().toString();
        LedgerMembers.send(bootstrap, new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank, id,
                MemberKind.SERVICE_USER, name, null, "en", null, "coordinator-1"));
        return id;
    }

    private String publish(String owner, String kind, String title, Instant expiresAt) {
        ApiClient.Response response = api.post(base() + "/listings", token(owner), Map.of("kind", kind, "title", title,
                "category", "befriending", "tags", List.of("walking"), "estimatedMinutes", 60, "mode", "IN_PERSON",
                "district", "M14", "expiresAt", expiresAt.toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }

    private String base() {
        return "/api/v1/timebanks/" + timebank;
    }

    private String profile(String member) {
        return base() + "/profiles/" + member;
    }

    private String token(String member, String... roles) {
        return SharedInfrastructure.get().tokens().token(member, timebank, roles.length == 0 ? new String[] {"MEMBER"} : roles);
    }
}
