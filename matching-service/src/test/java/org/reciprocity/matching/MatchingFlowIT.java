package org.reciprocity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.MatchingContracts;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.contracts.kafka.EventJson;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.matching.listing.Listings;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The bar of issue 4 against the real broker and wire protocol: a need is published, suggestions
 * appear with reasons, both members accept, MatchAgreed reaches the topic the ledger reads, and a
 * validated contribution naming the match completes it.
 */
@ServiceIntegrationTest
class MatchingFlowIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    Listings listings;

    @Autowired
    MongoTemplate mongo;

    String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    String timebank;
    ApiClient api;
    String sam;
    String ali;
    String coordinator = "coordinator-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        api = new ApiClient("http://localhost:" + port);
        sam = register("Sam");
        ali = register("Ali");
        await().atMost(WAIT).until(() -> api.get(profile(sam), token(sam)).status() == 200
                && api.get(profile(ali), token(ali)).status() == 200);
        describe(sam, "M14", List.of("ar", "en"), List.of("TUESDAY_AFTERNOON"), List.of(), List.of());
        // Ali lets other members see when they are free, so Sam's suggestions may say so
        describe(ali, "M13", List.of("ar"), List.of("TUESDAY_AFTERNOON", "FRIDAY_MORNING"), List.of("befriending"),
                List.of("availability"));
    }

    @Test
    void aNeedIsSuggestedAnOfferWithReasonsBothAcceptAndAValidatedContributionCompletesTheMatch() {
        String offer = publish(ali, "OFFER", "Walks and a chat in Arabic", false);
        String need = publish(sam, "NEED", "Someone to walk with on Tuesdays", false);
        JsonNode published = read(MatchingContracts.LISTINGS.name(), need, "reciprocity.NeedPublished.v1");
        assertThat(published.path("category").asString()).isEqualTo("befriending");
        assertThat(published.path("title").isNull()).as("issue 18: the member's words stay in matching").isTrue();
        assertThat(published.path("district").isNull()).isTrue();

        ApiClient.Response search = api.get(base() + "/listings?q=walk&kind=OFFER", token(sam));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().path("listings").get(0).path("id").asString()).isEqualTo(offer);
        assertThat(search.json().path("facets").path("category").path("befriending").asInt()).isEqualTo(1);

        ApiClient.Response suggestions = api.get(base() + "/listings/" + need + "/suggestions", token(sam));
        assertThat(suggestions.status()).isEqualTo(200);
        JsonNode best = suggestions.json().get(0);
        assertThat(best.path("listingId").asString()).isEqualTo(offer);
        assertThat(best.path("memberId").asString()).isEqualTo(ali);
        assertThat(best.path("score").asInt()).isBetween(50, 100);
        List<String> codes = best.path("why").valueStream().map(why -> why.path("code").asString()).toList();
        assertThat(codes).contains("both-speak", "both-free").containsAnyOf("km-apart", "under-1-km");
        assertThat(best.path("why").valueStream().filter(why -> "both-speak".equals(why.path("code").asString()))
                .findFirst().orElseThrow().path("params").path("language").asString()).isEqualTo("ar");
        assertThat(best.path("reasons").size()).isEqualTo(codes.size());

        ApiClient.Response proposed = api.post(base() + "/matches", token(coordinator, "COORDINATOR"),
                Map.of("needListingId", need, "offerListingId", offer));
        assertThat(proposed.status()).isEqualTo(201);
        String match = proposed.text("id");
        assertThat(proposed.text("via")).isEqualTo("COORDINATOR");
        assertThat(api.post(base() + "/matches/" + match + "/accept", token(ali), "{}").text("status")).isEqualTo("PROPOSED");
        assertThat(api.post(base() + "/matches/" + match + "/accept", token(sam), "{}").text("status")).isEqualTo("AGREED");

        JsonNode agreed = read(MatchingContracts.MATCHES.name(), match, "reciprocity.MatchAgreed.v1");
        assertThat(agreed.path("giverId").asString()).isEqualTo(ali);
        assertThat(agreed.path("receiverId").asString()).isEqualTo(sam);
        assertThat(agreed.path("needListingId").asString()).isEqualTo(need);
        assertThat(agreed.path("activity").isNull()).as("issue 18: the activity is read through the API").isTrue();
        ApiClient.Response queue = api.get(base() + "/coordinator/queue", token(coordinator, "COORDINATOR"));
        assertThat(queue.status()).as("the queue leaves out needs with an agreed match: %s", queue.body()).isEqualTo(200);
        assertThat(queue.body()).doesNotContain(need);

        TopicProbe.send(bootstrap, new ContributionValidated(UUID.randomUUID(), Instant.now(), timebank,
                "c-" + UUID.randomUUID(), sam, ali, sam, 60, "Thank you, Ali", match, "t-1"));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get(base() + "/matches/" + match, token(sam)).text("status")).isEqualTo("COMPLETED"));
        assertThat(read(MatchingContracts.MATCHES.name(), match, "reciprocity.MatchCompleted.v1").path("minutes").asLong())
                .isEqualTo(60);
    }

    @Test
    void theBoardFiltersByTheTimesOwnersShareAndAMemberListsTheirOwnPausedListings() {
        String offer = publish(ali, "OFFER", "Walks and a chat", false);
        String need = publish(sam, "NEED", "Someone to walk with", false);

        // Ali shares when they are free (Tuesday afternoons, Friday mornings); Sam does not, so Sam's need is
        // not found by a time of day: that would tell others what Sam kept private
        ApiClient.Response afternoons = api.get(base() + "/listings?time=AFTERNOON", token(sam));
        assertThat(afternoons.status()).isEqualTo(200);
        assertThat(afternoons.body()).contains(offer).doesNotContain(need);
        assertThat(afternoons.json().path("facets").path("time").path("AFTERNOON").asInt()).isEqualTo(1);
        assertThat(api.get(base() + "/listings?time=EVENING", token(sam)).json().path("total").asLong()).isZero();
        assertThat(api.get(base() + "/listings?time=NIGHT", token(sam)).status()).isEqualTo(400);

        describe(sam, "M14", List.of("ar", "en"), List.of("TUESDAY_AFTERNOON"), List.of(), List.of("availability"));
        assertThat(api.get(base() + "/listings?time=AFTERNOON&kind=NEED", token(ali)).body())
                .as("sharing their availability puts Sam's need under afternoons").contains(need);

        assertThat(api.post(base() + "/listings/" + need + "/pause", token(sam), "{}").status()).isEqualTo(200);
        ApiClient.Response mine = api.get(base() + "/members/" + sam + "/listings", token(sam));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get(0).path("id").asString()).isEqualTo(need);
        assertThat(mine.json().get(0).path("status").asString()).isEqualTo("PAUSED");
        assertThat(mine.body()).doesNotContain(offer);
        assertThat(api.get(base() + "/members/" + sam + "/listings", token(ali)).status()).isEqualTo(403);

        assertThat(api.post(base() + "/listings/" + need + "/reopen", token(sam), "{}").status()).isEqualTo(200);
        ApiClient.Response answered = api.post(base() + "/matches", token(ali), Map.of("needListingId", need, "giverId", ali));
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(answered.text("activity")).isEqualTo("Someone to walk with");
    }

    @Test
    void aPausedMemberIsNeitherSuggestedNorProposedAndResumingBringsThemBack() {
        String offer = publish(ali, "OFFER", "Walks and a chat", false);
        String need = publish(sam, "NEED", "Someone to walk with", false);

        assertThat(api.post(profile(ali) + "/pause", token(ali), "{}").status()).isEqualTo(200);
        assertThat(read(MatchingContracts.PROFILES.name(), ali, "reciprocity.MemberPaused.v1")).isNotNull();

        assertThat(api.get(base() + "/listings/" + need + "/suggestions", token(sam)).json().toString()).doesNotContain(ali);
        assertThat(api.get(base() + "/listings?q=walks&kind=OFFER", token(sam)).json().path("total").asLong()).isZero();
        ApiClient.Response refused = api.post(base() + "/matches", token(coordinator, "COORDINATOR"),
                Map.of("needListingId", need, "offerListingId", offer));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("member-paused");
        assertThat(refused.json().path("params").path("memberId").asString()).isEqualTo(ali);

        api.post(profile(ali) + "/resume", token(ali), "{}");
        assertThat(api.get(base() + "/listings/" + need + "/suggestions", token(sam)).json().toString()).contains(ali);
    }

    @Test
    void aNeedAskingForAVerifiedMemberOnlyGetsVerifiedOnes() {
        publish(ali, "OFFER", "Home visits", false);
        String need = publish(sam, "NEED", "A home visit", true);

        assertThat(api.get(base() + "/listings/" + need + "/suggestions", token(sam)).json().toString()).doesNotContain(ali);

        put(profile(ali) + "/verification", token(coordinator, "COORDINATOR"), Map.of("verified", true));
        assertThat(api.get(base() + "/listings/" + need + "/suggestions", token(sam)).json().toString()).contains(ali);
    }

    @Test
    void badInputGetsAProblemAndWritesNothing() {
        long before = mongo.getCollection("listings").countDocuments();

        ApiClient.Response bad = api.post(base() + "/listings", token(sam), Map.of("kind", "NEED", "title", "Help",
                "category", "astrology", "estimatedMinutes", 60, "mode", "IN_PERSON", "district", "M14",
                "expiresAt", Instant.now().plusSeconds(86_400).toString()));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(bad.text("code")).isEqualTo("unknown-category");
        assertThat(bad.json().path("params").path("value").asString()).isEqualTo("astrology");
        assertThat(mongo.getCollection("listings").countDocuments()).isEqualTo(before);
    }

    @Test
    void aListingPastItsDateExpiresOnTheScheduleOnce() throws InterruptedException {
        String need = publish(sam, "NEED", "Just for a moment", false, Instant.now().plusSeconds(2));
        Thread.sleep(2_500);

        int expired = listings.expireDue();

        assertThat(expired).isGreaterThanOrEqualTo(1);
        assertThat(api.get(base() + "/listings/" + need, token(sam)).text("status")).isEqualTo("EXPIRED");
        assertThat(read(MatchingContracts.LISTINGS.name(), need, "reciprocity.ListingExpired.v1")).isNotNull();
        assertThat(listings.expireDue()).isZero();
    }

    @Test
    void aPoisonContributionGoesToTheDeadLetterTopicWithItsReason() {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, "reciprocity.ContributionValidated.v1");
        String key = "poison-" + UUID.randomUUID();
        TopicProbe.sendRaw(bootstrap, new ProducerRecord<>(Topics.CONTRIBUTIONS_TOPIC, null, key,
                "{\"matchId\": ".getBytes(StandardCharsets.UTF_8), headers));

        List<ConsumerRecord<String, byte[]>> dead = TopicProbe.readUntil(bootstrap, Topics.CONTRIBUTIONS_TOPIC + "-dlt",
                r -> key.equals(r.key()), WAIT);
        ConsumerRecord<String, byte[]> poison = dead.stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("the poison record never reached the dead-letter topic"));
        assertThat(CloudEventHeaders.get(poison.headers(), "reciprocity_dlt-reason"))
                .contains("not a valid reciprocity.ContributionValidated.v1 event");
    }

    private String register(String name) {
        String id = UUID.randomUUID().toString();
        LedgerMembers.send(bootstrap, new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank, id,
                MemberKind.SERVICE_USER, name, null, "en", null, "coordinator-1"));
        return id;
    }

    private void describe(String member, String district, List<String> languages, List<String> slots, List<String> skills,
                          List<String> shared) {
        ApiClient.Response response = put(profile(member), token(member), Map.of("district", district,
                "languages", languages, "availability", slots, "skills", skills, "modes", List.of("IN_PERSON"),
                "sharedWithMembers", shared));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private String publish(String owner, String kind, String title, boolean requiresVerified) {
        return publish(owner, kind, title, requiresVerified, Instant.now().plusSeconds(86_400 * 30));
    }

    private String publish(String owner, String kind, String title, boolean requiresVerified, Instant expiresAt) {
        ApiClient.Response response = api.post(base() + "/listings", token(owner), Map.of("kind", kind, "title", title,
                "category", "befriending", "tags", List.of("walking"), "estimatedMinutes", 60, "mode", "IN_PERSON",
                "district", "M14", "expiresAt", expiresAt.toString(), "requiresVerified", requiresVerified));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }

    /** The value of the first record on the topic with this key and CloudEvents type. */
    private JsonNode read(String topic, String key, String type) {
        Predicate<ConsumerRecord<String, byte[]>> wanted = r -> key.equals(r.key())
                && type.equals(CloudEventHeaders.get(r.headers(), CloudEventHeaders.TYPE));
        return TopicProbe.readUntil(bootstrap, topic, wanted, WAIT).stream().filter(wanted).findFirst()
                .map(r -> EventJson.mapper().readTree(r.value()))
                .orElseThrow(() -> new AssertionError(type + " for " + key + " never reached " + topic));
    }

    /** Profiles are replaced whole, with a PUT. */
    private ApiClient.Response put(String path, String token, Object body) {
        return api.put(path, token, body);
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
