package org.reciprocity.ledger.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.erasure.ErasureConfirmed;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.contracts.member.MemberErased;
import org.reciprocity.ledger.LedgerFixture;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18: an admin erases a member, and the ledger forgets them (real HTTP, MongoDB and broker):
 * the register keeps ids and dates only, no contribution or ledger entry keeps the words written
 * about them, the chain still verifies and the balances still sum to zero, and every step is
 * repeatable, so a second delivery or a crash part-way ends with one confirmation.
 */
@ServiceIntegrationTest
class MemberErasureIT {

    private static final String ERASED_TYPE = "reciprocity.MemberErased.v1";
    private static final String DETAILS_TYPE = "reciprocity.MemberDetailsRecorded.v1";
    private static final String CONFIRMED_TYPE = "reciprocity.ErasureConfirmed.v1";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LedgerErasureSteps steps;

    LedgerFixture given;
    final String unique = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void aTimebank() {
        given = new LedgerFixture(port);
    }

    @Test
    void anErasedMemberLeavesIdsMinutesAndAChainThatStillVerifies() {
        String sam = aMember("Sam " + unique, "sam-" + unique + "@example.org");
        String ali = aMember("Ali " + unique, "ali-" + unique + "@example.org");
        String given1 = log(sam, ali, 90, "Walk by the canal " + unique);
        assertThat(given.validate(given1, ali, "Thank you Sam " + unique).status()).isEqualTo(200);
        // a coordinator's correction (the balances come back to where they were), kept with its words, not on the topic
        String mistaken = log(sam, ali, 15, "Logged twice " + unique);
        ApiClient.Response validated = given.validate(mistaken, ali, "Thanks again " + unique);
        assertThat(validated.status()).isEqualTo(200);
        assertThat(given.api.post(given.path("/transfers/" + validated.text("transferId") + "/reversal"),
                given.coordinator(), Map.of("reason", "Sam was unwell that day " + unique)).status()).isEqualTo(201);
        assertThat(mongo.findAll(Document.class, "corrections")).anyMatch(d -> d.toJson().contains("unwell that day " + unique));
        String given2 = log(ali, sam, 120, "Shopping together " + unique);
        assertThat(given.api.post(given.path("/contributions/" + given2 + "/dispute"), given.as(sam),
                Map.of("reason", "It was shorter " + unique)).status()).isEqualTo(200);
        assertThat(given.api.post(given.path("/contributions/" + given2 + "/resolution"), given.coordinator(),
                Map.of("minutes", 60, "note", "Agreed on an hour " + unique)).status()).isEqualTo(200);
        List<String> hashesBefore = hashes();
        assertThat(mongo.findAll(Document.class, "ledger_entries")).as("the words were there")
                .anyMatch(d -> d.toJson().contains("Thank you Sam " + unique))
                .anyMatch(d -> d.toJson().contains("Agreed on an hour " + unique));
        assertThat(mongo.findAll(Document.class, "contributions"))
                .anyMatch(d -> d.toJson().contains("Walk by the canal " + unique));

        ApiClient.Response erased = given.api.post(given.path("/members/" + sam + "/erasure"), given.admin(), "");

        assertThat(erased.status()).as(erased.body()).isEqualTo(202);
        assertThat(erased.json().path("memberId").asString()).isEqualTo(sam);
        assertThat(erased.json().path("erasedBy").asString()).isEqualTo("admin-1");
        assertThat(erased.json().path("services").valueStream().map(s -> s.path("service").asString()).toList())
                .containsExactlyElementsOf(Topics.HOLDERS_OF_PERSONAL_DATA);
        confirmations(sam, 1);

        Document member = mongo.findById(sam, Document.class, "members");
        assertThat(member.getString("status")).isEqualTo("ERASED");
        assertThat(member).doesNotContainKeys("displayName", "email", "kind", "kinds", "language", "roles");
        assertThat(member.toJson()).doesNotContain(unique);
        for (String collection : List.of("contributions", "ledger_entries", "contribution_records", "organisations",
                "corrections")) {
            assertThat(mongo.findAll(Document.class, collection)).as(collection)
                    .allSatisfy(d -> assertThat(d.toJson()).doesNotContain(unique));
        }
        assertThat(hashes()).as("the chain's entries are untouched").isEqualTo(hashesBefore);
        assertThat(given.api.get(given.path("/ledger/verification"), given.admin()).json().path("intact").asBoolean())
                .isTrue();
        assertThat(given.sumOfBalances()).isZero();
        assertThat(given.balance(sam)).isEqualTo(90 - 60);

        JsonNode statement = given.api.get(given.path("/members/" + ali + "/statement"), given.as(ali)).json();
        assertThat(statement.valueStream().toList()).as("the walk, the hour, the quarter logged twice and its reversal")
                .hasSize(4).allSatisfy(line -> {
            assertThat(line.path("erased").asBoolean()).isTrue();
            assertThat(line.path("with").isNull() || line.path("with").isMissingNode()).isTrue();
            assertThat(line.path("description").asString()).containsIgnoringCase("a former member");
        });
        assertThat(statement.valueStream().mapToLong(l -> l.path("direction").asString().equals("IN")
                ? l.path("minutes").asLong() : -l.path("minutes").asLong()).sum()).isEqualTo(given.balance(ali));

        JsonNode asStored = given.api.get(given.path("/members/" + sam), given.admin()).json();
        assertThat(asStored.path("status").asString()).isEqualTo("ERASED");
        assertThat(asStored.path("displayName").isNull()).isTrue();
        assertThat(asStored.path("email").isNull()).isTrue();
        assertThat(asStored.path("kind").isNull()).isTrue();

        assertThat(events(Topics.MEMBERS_TOPIC, sam, ERASED_TYPE, r -> true)).isNotEmpty();
        List<JsonNode> details = events(Topics.MEMBER_DETAILS_TOPIC, sam, DETAILS_TYPE, r -> r.path("erased").asBoolean());
        assertThat(details).isNotEmpty();
        assertThat(details.get(0).path("displayName").isNull()).isTrue();
        assertThat(details.get(0).path("version").asLong()).isEqualTo(member.get("version", Number.class).longValue());

        ApiClient.Response again = given.api.post(given.path("/members/" + sam + "/erasure"), given.admin(), "");
        assertThat(again.status()).as("already erased: nothing changes").isEqualTo(200);
        assertThat(again.json().path("erasedAt").asString()).isEqualTo(erased.json().path("erasedAt").asString());
        assertThat(given.api.send("PATCH", given.path("/members/" + sam), given.coordinator(), Map.of("displayName",
                "Sam again", "kind", "CARER", "language", "en")).status()).as("no details written back").isEqualTo(404);
        assertThat(given.api.post(given.path("/members/" + sam + "/reactivation"), given.coordinator(), "").status())
                .as("no one to bring back").isEqualTo(404);
        assertThat(mongo.findById(sam, Document.class, "members")).doesNotContainKey("displayName")
                .containsEntry("status", "ERASED");
        ApiClient.Response withSam = given.api.post(given.path("/contributions"), given.as(ali),
                given.logBody(ali, sam, 30, "GIVER"));
        assertThat(withSam.status()).as("nobody logs time with an erased member: " + withSam.body()).isEqualTo(422);
    }

    @Test
    void aSecondDeliveryOfMemberErasedConfirmsNothingTwice() {
        String sam = aMember("Sam " + unique, null);
        String ali = aMember("Ali " + unique, null);
        given.validate(log(sam, ali, 30, "Tea " + unique), ali, "Thanks " + unique);
        assertThat(given.api.post(given.path("/members/" + sam + "/erasure"), given.admin(), "").status()).isEqualTo(202);
        confirmations(sam, 1);

        MemberErased again = new MemberErased(UUID.randomUUID(), Instant.now(), given.timebank, sam, "admin-1");
        TopicProbe.send(bootstrap(), again);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> processed(ErasureConsumer.CONSUMER, again.eventId()));

        assertThat(onlyConfirmationsBeforeAMarker(sam)).as("the ledger's confirmations of Sam").isEqualTo(1);
    }

    @Test
    void aCrashBetweenStepsEndsWithTheStepsDoneAndOneConfirmation() {
        String kim = aMember("Kim " + unique, "kim-" + unique + "@example.org");
        String ali = aMember("Ali " + unique, null);
        given.validate(log(ali, kim, 45, "Gardening " + unique), kim, "Lovely " + unique);
        String organisation = given.anOrganisation("Recovery college", kim, ali);

        // a first run got this far, then stopped: the register forgot Kim, some steps ran, no confirmation
        steps.blankContributions(given.timebank, kim);
        steps.forgetAsSupporterAndStaff(given.timebank, kim);
        steps.blankContributions(given.timebank, kim);
        assertThat(given.api.post(given.path("/members/" + kim + "/erasure"), given.admin(), "").status()).isEqualTo(202);
        confirmations(kim, 1);

        assertThat(mongo.findAll(Document.class, "contributions")).allSatisfy(d -> assertThat(d.toJson()).doesNotContain(unique));
        assertThat(mongo.findById(organisation, Document.class, "organisations").getList("staffIds", String.class))
                .containsExactly(ali);
        assertThat(steps.confirm(given.timebank, kim)).as("confirmed already: not again").isFalse();
        assertThat(onlyConfirmationsBeforeAMarker(kim)).isEqualTo(1);
    }

    @Test
    void theStatusListsEveryServiceConfirmedOrWaiting() {
        String sam = aMember("Sam " + unique, null);
        assertThat(given.api.post(given.path("/members/" + sam + "/erasure"), given.admin(), "").status()).isEqualTo(202);
        confirmations(sam, 1);
        TopicProbe.send(bootstrap(), new ErasureConfirmed(UUID.randomUUID(), Instant.now(), given.timebank, sam,
                Topics.MATCHING, List.of("profiles", "listings")));
        TopicProbe.send(bootstrap(), new ErasureConfirmed(UUID.randomUUID(), Instant.now(), given.timebank, sam,
                Topics.NOTIFICATION, List.of("recipients")));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = given.api.get(given.path("/members/" + sam + "/erasure"), given.admin()).json();
            Map<String, JsonNode> services = new LinkedHashMap<>();
            status.path("services").valueStream().forEach(s -> services.put(s.path("service").asString(), s));
            assertThat(services.keySet()).containsExactlyElementsOf(Topics.HOLDERS_OF_PERSONAL_DATA);
            assertThat(services.get(Topics.MATCHING).path("collections").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("profiles", "listings");
            assertThat(services.get(Topics.NOTIFICATION).path("confirmedAt").isNull()).isFalse();
            assertThat(services.get(Topics.LEDGER).path("confirmedAt").isNull()).isFalse();
            assertThat(services.get(Topics.IDENTITY).path("confirmedAt").isNull()).as("waiting").isTrue();
            assertThat(services.get(Topics.REVIEW).path("confirmedAt").isNull()).as("waiting").isTrue();
            assertThat(status.path("done").asBoolean()).isFalse();
        });
    }

    @Test
    void onlyAnAdminErasesAndNotWhileAContributionIsOpenNorThemselves() {
        String sam = aMember("Sam " + unique, null);
        String ali = aMember("Ali " + unique, null);
        String open = log(sam, ali, 30, "Open " + unique);

        assertThat(given.api.post(given.path("/members/" + sam + "/erasure"), given.as(sam), "").status()).isEqualTo(403);
        assertThat(given.api.post(given.path("/members/" + sam + "/erasure"), given.coordinator(), "").status())
                .isEqualTo(403);
        ApiClient.Response waits = given.api.post(given.path("/members/" + sam + "/erasure"), given.admin(), "");
        assertThat(waits.status()).isEqualTo(409);
        assertThat(waits.contentType()).startsWith("application/problem+json");
        assertThat(waits.code()).isEqualTo("erasure-waits-for-open-contributions");
        assertThat(waits.text("detail")).contains("coordinator");
        assertThat(mongo.findById(sam, Document.class, "members").getString("displayName")).isEqualTo("Sam " + unique);

        ApiClient.Response self = given.api.post(given.path("/members/admin-1/erasure"), given.admin(), "");
        assertThat(self.status()).isIn(404, 409);
        String admin = aMember("Admin " + unique, null);
        ApiClient.Response herself = given.api.post(given.path("/members/" + admin + "/erasure"),
                given.tokens.token(admin, given.timebank, "ADMIN"), "");
        assertThat(herself.status()).isEqualTo(409);
        assertThat(herself.code()).isEqualTo("cannot-erase-yourself");

        assertThat(given.api.post(given.path("/contributions/" + open + "/withdrawal"), given.as(sam), "").status())
                .isEqualTo(200);
        assertThat(given.api.post(given.path("/members/" + sam + "/erasure"), given.admin(), "").status()).isEqualTo(202);
    }

    @Test
    void aMembersRequestIsListedForTheAdminOnceUntilTheyAreErased() {
        String sam = aMember("Sam " + unique, null);
        String ali = aMember("Ali " + unique, null);

        assertThat(given.api.post(given.path("/members/" + sam + "/erasure-request"), given.as(sam), "").status())
                .isEqualTo(202);
        Object firstAsked = mongo.findById(sam, Document.class, "members").get("erasureRequestedAt");
        assertThat(given.api.post(given.path("/members/" + sam + "/erasure-request"), given.as(sam), "").status())
                .isEqualTo(202);
        assertThat(given.api.post(given.path("/members/" + sam + "/erasure-request"), given.as(ali), "").status())
                .as("only the member asks").isEqualTo(403);

        assertThat(mongo.findById(sam, Document.class, "members").get("erasureRequestedAt")).isEqualTo(firstAsked);
        JsonNode requests = given.api.get(given.path("/erasure-requests"), given.admin()).json();
        assertThat(requests.valueStream().map(r -> r.path("memberId").asString()).toList()).containsExactly(sam);
        assertThat(requests.get(0).path("displayName").asString()).isEqualTo("Sam " + unique);
        assertThat(given.api.get(given.path("/erasure-requests"), given.coordinator()).status()).isEqualTo(403);
        assertThat(events(Topics.PERSONAL_DATA_TOPIC, sam, "reciprocity.ErasureRequested.v1", r -> true)).isNotEmpty();
        JsonNode own = given.api.get(given.path("/members/" + sam + "/erasure"), given.as(sam)).json();
        assertThat(own.path("requestedAt").isNull()).isFalse();

        assertThat(given.api.post(given.path("/members/" + sam + "/erasure"), given.admin(), "").status()).isEqualTo(202);
        assertThat(given.api.get(given.path("/erasure-requests"), given.admin()).json().valueStream().toList()).isEmpty();
        assertThat(given.api.get(given.path("/members/" + sam + "/erasure"), given.as(sam)).status())
                .as("after the erasure, the admin follows it").isEqualTo(403);
    }

    @Test
    void theExportShowsWhatTheLedgerHoldsAndAfterTheErasureNothingPersonal() {
        String sam = aMember("Sam " + unique, "sam-" + unique + "@example.org");
        String ali = aMember("Ali " + unique, null);
        given.validate(log(sam, ali, 30, "Tea " + unique), ali, "Thanks " + unique);

        ApiClient.Response own = given.api.get(given.path("/members/" + sam + "/personal-data"), given.as(sam));

        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("service").asString()).isEqualTo(Topics.LEDGER);
        JsonNode collections = own.json().path("collections");
        assertThat(collections.path("members").path(0).path("displayName").asString()).isEqualTo("Sam " + unique);
        assertThat(collections.path("contributions").toString()).contains("Tea " + unique, "Thanks " + unique);
        JsonNode entry = collections.path("ledger_entries").path(0);
        assertThat(entry.path("creditAccountId").asString()).isEqualTo(sam);
        assertThat(entry.has("debitBalanceAfter")).as("Ali's balance is Ali's").isFalse();
        assertThat(given.api.get(given.path("/members/" + sam + "/personal-data"), given.as(ali)).status()).isEqualTo(403);
        assertThat(given.api.get(given.path("/members/" + sam + "/personal-data"), given.coordinator()).status())
                .isEqualTo(403);

        assertThat(given.api.post(given.path("/members/" + sam + "/erasure"), given.admin(), "").status()).isEqualTo(202);
        confirmations(sam, 1);

        ApiClient.Response after = given.api.get(given.path("/members/" + sam + "/personal-data"), given.admin());
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).doesNotContain(unique);
        assertThat(after.json().path("collections").path("contributions").size()).as("kept: ids, minutes, dates").isEqualTo(1);
    }

    private String aMember(String name, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "SERVICE_USER");
        body.put("displayName", name);
        if (email != null) {
            body.put("email", email);
        }
        ApiClient.Response r = given.api.post(given.path("/members"), given.coordinator(), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    private String log(String giver, String receiver, long minutes, String description) {
        Map<String, Object> body = given.logBody(giver, receiver, minutes, "GIVER");
        body.put("description", description);
        body.put("happenedOn", LocalDate.now(ZoneId.of("Europe/London")).toString());
        ApiClient.Response r = given.api.post(given.path("/contributions"), given.as(giver), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    private List<String> hashes() {
        return mongo.findAll(Document.class, "ledger_entries").stream()
                .map(d -> d.get("entry", Document.class))
                .filter(e -> given.timebank.equals(e.getString("timebankId")))
                .map(e -> e.get("sequence") + ":" + e.getString("hash")).sorted().toList();
    }

    private boolean processed(String consumer, UUID eventId) {
        return mongo.findById(consumer + ":" + eventId, Document.class, "processed_events") != null;
    }

    /** Waits for the ledger's confirmation of this member on its topic; returns how many it read. */
    private List<JsonNode> confirmations(String memberId, int atLeast) {
        List<JsonNode> found = events(Topics.ERASURE_CONFIRMATIONS_TOPIC, memberId, CONFIRMED_TYPE,
                e -> Topics.LEDGER.equals(e.path("service").asString()), atLeast);
        assertThat(found).as("the ledger's ErasureConfirmed").hasSizeGreaterThanOrEqualTo(atLeast);
        return found;
    }

    /**
     * The ledger's confirmations of the member on the topic before a marker sent after everything the
     * ledger did (its erasures document published and cleared): same key, so same partition, so in order.
     */
    private long onlyConfirmationsBeforeAMarker(String memberId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mongo.find(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("memberId").is(memberId)),
                Document.class, "erasures").stream().allMatch(d -> d.getList("outbox", Object.class, List.of()).isEmpty()));
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("memberId").is(memberId)), "erasures"))
                .isEqualTo(1);
        String marker = "marker-" + UUID.randomUUID();
        TopicProbe.send(bootstrap(), new ErasureConfirmed(UUID.randomUUID(), Instant.now(), given.timebank, memberId,
                marker, List.of()));
        List<JsonNode> seen = new ArrayList<>();
        TopicProbe.readUntil(bootstrap(), Topics.ERASURE_CONFIRMATIONS_TOPIC, r -> {
            if (!memberId.equals(r.key())) {
                return false;
            }
            JsonNode event = json(r);
            seen.add(event);
            return marker.equals(event.path("service").asString());
        }, Duration.ofSeconds(30));
        assertThat(seen).as("the marker arrived").anyMatch(e -> marker.equals(e.path("service").asString()));
        return seen.stream().filter(e -> Topics.LEDGER.equals(e.path("service").asString())).count();
    }

    private List<JsonNode> events(String topic, String key, String type, Predicate<JsonNode> wanted) {
        return events(topic, key, type, wanted, 1);
    }

    /** The events of this type and key on the topic that match, each once, read until {@code atLeast} were found. */
    private List<JsonNode> events(String topic, String key, String type, Predicate<JsonNode> wanted, int atLeast) {
        List<JsonNode> found = new ArrayList<>();
        TopicProbe.readUntil(bootstrap(), topic, r -> {
            if (key.equals(r.key()) && type.equals(CloudEventHeaders.get(r.headers(), "ce_type"))) {
                JsonNode event = json(r);
                if (wanted.test(event) && found.stream().noneMatch(f -> f.path("eventId").equals(event.path("eventId")))) {
                    found.add(event);
                }
            }
            return found.size() >= atLeast;
        }, Duration.ofSeconds(30));
        return found;
    }

    private static String bootstrap() {
        return SharedInfrastructure.get().kafkaBootstrapServers();
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> r) {
        return JsonMapper.builder().build().readTree(r.value());
    }
}
