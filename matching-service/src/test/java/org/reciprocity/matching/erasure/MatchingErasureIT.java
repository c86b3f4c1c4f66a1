package org.reciprocity.matching.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberErased;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.matching.LedgerMembers;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 18 (docs/personal-data.md 3.1), real broker and store: an erased member leaves nothing of
 * theirs in any of matching's collections (read whole, as JSON text) and nothing of their words on
 * matching's topics; their open listings are withdrawn as any withdrawal is; matching confirms once,
 * however often the erasure is heard and wherever a crash stopped it before.
 */
@ServiceIntegrationTest
class MatchingErasureIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MatchingErasure erasure;

    final String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    final String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    final String coordinator = "coordinator-" + UUID.randomUUID();
    final String admin = "admin-" + UUID.randomUUID();
    final String mark = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    /** What only the erased member wrote or is called: none of it may be left anywhere. */
    final String name = "Samwise Qx" + mark;
    final String needTitle = "Walks by the canal qn" + mark;
    final String offerTitle = "Help with forms qo" + mark;
    final String description = "Some days I cannot leave the house qd" + mark;
    final String tag = "qt" + mark;
    final String accessNeed = "qa" + mark;
    ApiClient api;
    String sam;
    String ali;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        sam = register(name);
        ali = register("Ali");
        await().atMost(WAIT).until(() -> name.equals(api.get(profile(sam), token(coordinator, "COORDINATOR"))
                .text("displayName")) && api.get(profile(ali), token(ali)).status() == 200);
        ApiClient.Response described = api.put(profile(sam), token(sam), Map.of("district", "M14",
                "languages", List.of("en"), "availability", List.of("TUESDAY_AFTERNOON"), "skills", List.of("befriending"),
                "tags", List.of(tag), "modes", List.of("IN_PERSON"), "accessibilityNeeds", List.of(accessNeed),
                "sharedWithMembers", List.of()));
        assertThat(described.status()).as(described.body()).isEqualTo(200);
    }

    @Test
    void anErasedMemberLeavesNothingOfTheirsInAnyCollectionOrTopicAndMatchingConfirmsOnce() {
        String need = publish(sam, "NEED", needTitle);
        String offer = publish(sam, "OFFER", offerTitle);
        String alisOffer = publish(ali, "OFFER", "Walks and a chat");
        ApiClient.Response plan = api.post(base() + "/coordinator/plans", token(coordinator, "COORDINATOR"), "{}");
        assertThat(plan.status()).isEqualTo(201);
        assertThat(plan.body()).as("the plan is read with the names and titles as they are now")
                .contains(sam, name, needTitle);
        String match = propose(need, alisOffer);
        // a coordinator's look at Sam's matches is kept for Sam ("who looked")
        assertThat(api.get(base() + "/members/" + sam + "/matches", token(coordinator, "COORDINATOR")).status())
                .isEqualTo(200);
        ApiClient.Response export = api.get(personalData(sam), token(sam));
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.text("service")).isEqualTo("matching-service");
        assertThat(export.body()).as("the export holds what the erasure will forget")
                .contains(name, needTitle, offerTitle, description, tag, accessNeed);
        assertThat(api.get(personalData(sam), token(ali)).status()).isEqualTo(403);
        assertThat(api.get(personalData(sam), token(admin, "ADMIN")).status()).isEqualTo(200);
        assertThat(everyDocumentAsText()).contains(name, needTitle, description, tag, accessNeed);

        MemberErased erased = new MemberErased(UUID.randomUUID(), Instant.now(), timebank, sam, admin);
        MemberErased again = new MemberErased(UUID.randomUUID(), Instant.now(), timebank, sam, admin);
        MemberDetailsRecorded gone = MemberDetailsRecorded.ofErased(UUID.randomUUID(), Instant.now(), timebank, sam, 9);
        TopicProbe.send(bootstrap, erased);
        TopicProbe.send(bootstrap, erased);
        TopicProbe.send(bootstrap, gone);
        TopicProbe.send(bootstrap, again);
        heard(erased, gone, again);

        assertThat(confirmationsOf(sam)).hasSize(1);
        assertThat(everyDocumentAsText()).doesNotContain(name, needTitle, offerTitle, description, tag, accessNeed);
        Document profile = mongo.getCollection("profiles").find(new Document("_id", sam)).first();
        assertThat(profile).containsOnlyKeys("_id", "timebankId", "erased");
        assertThat(mongo.getCollection("listings").countDocuments(new Document("ownerId", sam))).isZero();
        Document kept = mongo.getCollection("matches").find(new Document("_id", match)).first();
        assertThat(kept).as("the match stays for the ledger and Ali's history").isNotNull().doesNotContainKey("activity");
        assertThat(kept.getString("status")).as("an open match of a member who left is cancelled").isEqualTo("CANCELLED");
        assertThat(kept.getString("closedReason")).isEqualTo("member-left");
        assertThat(api.get(base() + "/matches/" + match, token(ali)).text("closedReason"))
                .as("Ali reads why on the match's page").isEqualTo("member-left");
        assertThat(cancellations(match)).as("cancelled once, as any cancellation, the reason not on the topic")
                .hasSize(1).allSatisfy(value -> assertThat(value).contains("\"cancelledBy\":\"" + sam + "\"")
                        .doesNotContain("member-left"));
        assertThat(mongo.getCollection("plans").countDocuments(new Document("proposals.giverId", sam))
                + mongo.getCollection("plans").countDocuments(new Document("proposals.receiverId", sam))).isZero();
        assertThat(mongo.getCollection("sensitive_reads").countDocuments(
                new Document("_id", new Document("$regex", "^" + timebank + "/" + sam + "/")))).isZero();
        assertThat(withdrawn(need)).isTrue();
        assertThat(withdrawn(offer)).isTrue();
        assertThat(api.get(base() + "/listings/" + alisOffer, token(ali)).status()).isEqualTo(200);
        assertThat(api.get(base() + "/listings/" + need, token(ali)).status()).isEqualTo(404);
        assertThat(search()).doesNotContain(need, needTitle);
        assertThat(api.get(profile(sam), token(ali)).status()).as("an erased member has no profile to show").isEqualTo(404);

        // the topics never carried the member's words: listings and matches, read whole (tags and the
        // category travel, by design: docs/personal-data.md 2.3)
        for (String topic : List.of(Topics.LISTINGS_TOPIC, Topics.MATCHES_TOPIC)) {
            assertThat(topicAsText(topic, topic.equals(Topics.LISTINGS_TOPIC) ? need : match))
                    .doesNotContain(name, needTitle, offerTitle, description, accessNeed);
        }
        ApiClient.Response after = api.get(personalData(sam), token(admin, "ADMIN"));
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).doesNotContain(name, needTitle, description, tag, accessNeed);
    }

    @Test
    void anErasureStoppedBetweenItsStepsEndsConfirmedOnceWhenTheEventComesAgain() {
        String need = publish(sam, "NEED", needTitle);
        String alisOffer = publish(ali, "OFFER", "Walks and a chat");
        String match = propose(need, alisOffer);
        assertThat(search()).contains(need);
        String reason = "Sam is in hospital qr" + mark;
        ApiClient.Response declined = api.post(base() + "/matches/" + match + "/decline", token(ali),
                Map.of("reason", reason));
        assertThat(declined.text("closedReason")).isEqualTo(reason);

        String secondNeed = publish(sam, "NEED", needTitle);
        String open = propose(secondNeed, alisOffer);

        // the consumer ran these steps, then the process stopped before the others and the confirmation
        erasure.profile(timebank, sam);
        erasure.listings(timebank, sam, admin);
        erasure.matches(timebank, sam);
        erasure.profile(timebank, sam);
        assertThat(erasure.confirmed(timebank, sam)).isFalse();

        MemberErased erased = new MemberErased(UUID.randomUUID(), Instant.now(), timebank, sam, admin);
        TopicProbe.send(bootstrap, erased);
        heard(erased);
        erasure.erase(timebank, sam, admin); // and a late repeat of all of it changes nothing

        assertThat(confirmationsOf(sam)).hasSize(1);
        assertThat(mongo.getCollection("matches").find(new Document("_id", match)).first()).doesNotContainKey("activity");
        assertThat(withdrawn(need)).isTrue();
        assertThat(everyDocumentAsText()).doesNotContain(name, needTitle, tag, accessNeed, reason);
        assertThat(mongo.getCollection("matches").find(new Document("_id", match)).first().getString("status"))
                .isEqualTo("DECLINED");
        assertThat(search()).as("the board's index forgot the listing too").doesNotContain(need, needTitle);
        assertThat(mongo.getCollection("matches").find(new Document("_id", open)).first().getString("status"))
                .isEqualTo("CANCELLED");
        assertThat(cancellations(open)).as("cancelled once however often the steps ran").hasSize(1);
        assertThat(cancellations(match)).as("a declined match is not cancelled").isEmpty();
    }

    /** The values of the {@code MatchCancelled} records of a match on the matches topic. */
    private List<String> cancellations(String match) {
        return TopicProbe.readAll(bootstrap, Topics.MATCHES_TOPIC, Duration.ofSeconds(5)).stream()
                .filter(r -> match.equals(r.key()) && "reciprocity.MatchCancelled.v1".equals(type(r)))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    /** The board searched for the word only Sam's need title holds. */
    private String search() {
        ApiClient.Response found = api.get(base() + "/listings?q=qn" + mark, token(ali));
        assertThat(found.status()).isEqualTo(200);
        return found.body();
    }

    /** Every document of every collection of matching's database, as JSON text. */
    private String everyDocumentAsText() {
        StringBuilder all = new StringBuilder();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                all.append(collection).append(' ').append(document.toJson()).append('\n');
            }
        }
        return all.toString();
    }

    /** Every record of the topic, read from the start until one with this key (the need's withdrawal, the match's proposal). */
    private String topicAsText(String topic, String key) {
        StringBuilder all = new StringBuilder();
        for (ConsumerRecord<String, byte[]> record : TopicProbe.readUntil(bootstrap, topic,
                r -> key.equals(r.key()) && (topic.equals(Topics.MATCHES_TOPIC)
                        || "reciprocity.ListingWithdrawn.v1".equals(type(r))), WAIT)) {
            all.append(new String(record.value(), StandardCharsets.UTF_8)).append('\n');
        }
        return all.toString();
    }

    /** The matching-service confirmations of the member's erasure on the confirmations topic, once published. */
    private List<ConsumerRecord<String, byte[]>> confirmationsOf(String member) {
        await().atMost(WAIT).until(() -> {
            Document confirmation = mongo.getCollection("erasures").find(new Document("_id", timebank + "/" + member))
                    .first();
            return confirmation != null && confirmation.getList("outbox", Object.class, List.of()).isEmpty();
        });
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicProbe.readAll(bootstrap, Topics.ERASURE_CONFIRMATIONS_TOPIC,
                Duration.ofSeconds(5))) {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            if (member.equals(record.key()) && value.contains("\"matching-service\"")) {
                mine.add(record);
            }
        }
        assertThat(mongo.getCollection("erasures").countDocuments(new Document("memberId", member))).isEqualTo(1);
        return mine;
    }

    private boolean withdrawn(String listing) {
        return TopicProbe.readUntil(bootstrap, Topics.LISTINGS_TOPIC,
                r -> listing.equals(r.key()) && "reciprocity.ListingWithdrawn.v1".equals(type(r)), WAIT).stream()
                .anyMatch(r -> listing.equals(r.key()) && "reciprocity.ListingWithdrawn.v1".equals(type(r)));
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
    }

    /** Each consumer marks what it handled: once every event is marked, every step it started is done. */
    private void heard(DomainEvent... events) {
        for (DomainEvent event : events) {
            await().atMost(WAIT).until(() -> mongo.getCollection("processed_events")
                    .countDocuments(new Document("eventId", event.eventId().toString())) > 0);
        }
    }

    private String register(String memberName) {
        String id = UUID.randomUUID().toString();
        LedgerMembers.send(bootstrap, new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank, id,
                MemberKind.SERVICE_USER, memberName, null, "en", null, coordinator));
        return id;
    }

    /** A listing; Sam's with Sam's own words (description, tag, access need), Ali's with none of them. */
    private String publish(String owner, String kind, String title) {
        boolean sams = owner.equals(sam);
        ApiClient.Response published = api.post(base() + "/listings", token(owner), Map.of("kind", kind,
                "title", title, "description", sams ? description : "Happy to help", "category", "befriending",
                "tags", List.of(sams ? tag : "walking"), "accessibility", sams ? List.of(accessNeed) : List.of(),
                "estimatedMinutes", 60, "mode", "IN_PERSON", "district", "M14",
                "expiresAt", Instant.now().plusSeconds(86_400 * 30).toString()));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        return published.text("id");
    }

    private String propose(String need, String offer) {
        ApiClient.Response proposed = api.post(base() + "/matches", token(coordinator, "COORDINATOR"),
                Map.of("needListingId", need, "offerListingId", offer));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.text("activity")).isEqualTo(needTitle);
        return proposed.text("id");
    }

    private String base() {
        return "/api/v1/timebanks/" + timebank;
    }

    private String profile(String member) {
        return base() + "/profiles/" + member;
    }

    private String personalData(String member) {
        return base() + "/members/" + member + "/personal-data";
    }

    private String token(String member, String... roles) {
        return SharedInfrastructure.get().tokens().token(member, timebank,
                roles.length == 0 ? new String[] {"MEMBER"} : roles);
    }
}
