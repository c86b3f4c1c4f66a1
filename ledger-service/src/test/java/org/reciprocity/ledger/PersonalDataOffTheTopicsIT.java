package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
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
 * Issue 18, the ledger's side: a member's name, e-mail, language and kind travel only on the
 * compacted member-details topic, one record per version of their details; the permanent members,
 * contributions and ledger-entries topics carry ids, figures and facts, never a name, an e-mail, a
 * kind or a member's own words, which stay where the ledger's pages read them. Real HTTP, MongoDB
 * and broker; the topics are read from the start, their records' raw values scanned as text.
 */
@ServiceIntegrationTest
class PersonalDataOffTheTopicsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    /** Words no other test uses (no id holds a "z"), so finding one on a topic can only mean this test leaked them. */
    private final String unique = "zq" + UUID.randomUUID().toString().substring(0, 8);
    private final String firstName = "Zephyrine " + unique;
    private final String firstEmail = "zephyrine." + unique + "@example.org";
    private final String newName = "Zeph " + unique;
    private final String newEmail = "zeph." + unique + "@example.org";

    @Test
    void theDetailsGoOnlyToTheDetailsTopicOneRecordPerVersionWithTheKindHistory() {
        LedgerFixture given = new LedgerFixture(port);
        ApiClient.Response registered = given.api.post(given.path("/members"), given.coordinator(),
                Map.of("kind", "SERVICE_USER", "displayName", firstName, "email", firstEmail, "language", "en"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String zeph = registered.text("id");
        Instant joined = Instant.parse(registered.text("registeredAt"));

        ApiClient.Response renamed = given.api.send("PATCH", given.path("/members/" + zeph), given.coordinator(),
                Map.of("displayName", newName, "email", newEmail, "language", "fr"));
        ApiClient.Response nowACarer = given.api.send("PATCH", given.path("/members/" + zeph), given.coordinator(),
                Map.of("kind", "CARER"));
        ApiClient.Response suspended = given.api.post(given.path("/members/" + zeph + "/suspension"), given.coordinator(),
                Map.of("reason", "Asked for a break " + unique));
        assertThat(List.of(renamed.status(), nowACarer.status(), suspended.status())).containsOnly(200);

        List<JsonNode> details = recordsOf(Topics.MEMBER_DETAILS_TOPIC, zeph, 3);
        assertThat(details).extracting(d -> d.path("version").asLong()).as("in version order").containsExactly(0L, 1L, 2L);
        assertThat(details).extracting(d -> d.path("displayName").asString()).containsExactly(firstName, newName, newName);
        assertThat(details).extracting(d -> d.path("email").asString()).containsExactly(firstEmail, newEmail, newEmail);
        assertThat(details).extracting(d -> d.path("language").asString()).containsExactly("en", "fr", "fr");
        assertThat(details).allSatisfy(d -> {
            assertThat(d.path("erased").asBoolean()).isFalse();
            assertThat(d.path("timebankId").asString()).isEqualTo(given.timebank);
            assertThat(d.path("roles").valueStream().map(JsonNode::asString)).containsExactly("MEMBER");
        });
        assertThat(kinds(details.get(0))).containsExactly("SERVICE_USER");
        assertThat(kinds(details.get(1))).as("a change of name keeps the kind history as it was").containsExactly("SERVICE_USER");
        JsonNode last = details.get(2);
        assertThat(kinds(last)).as("oldest first").containsExactly("SERVICE_USER", "CARER");
        Instant since = Instant.parse(last.path("kinds").path(0).path("since").asString());
        Instant carerSince = Instant.parse(last.path("kinds").path(1).path("since").asString());
        assertThat(since).as("a service user since they joined").isEqualTo(joined.truncatedTo(ChronoUnit.MILLIS));
        assertThat(kindsSince(details.get(0))).as("the history read back from the store is the one first published")
                .isEqualTo(since);
        assertThat(carerSince).isAfter(since);
        Document stored = mongo.findById(zeph, Document.class, "members");
        assertThat(stored.getList("kinds", Document.class)).hasSize(2);
        assertThat(stored.get("version", Number.class).longValue()).isEqualTo(2);

        // the members topic: the facts (registered, changed to version n, suspended), nothing personal
        List<JsonNode> facts = recordsOf(Topics.MEMBERS_TOPIC, zeph, 4);
        assertThat(facts).extracting(f -> f.path("version").asLong()).contains(1L, 2L);
        assertThat(facts).allSatisfy(f -> {
            for (String personal : List.of("displayName", "email", "language", "kind", "reason")) {
                assertThat(absent(f.path(personal))).as(personal + " in " + f).isTrue();
            }
        });
        assertNoneOnTopic(Topics.MEMBERS_TOPIC, r -> zeph.equals(r.key()), zeph,
                firstName, firstEmail, newName, newEmail, unique, "SERVICE_USER", "CARER");
        assertThat(given.api.get(given.path("/members/" + zeph + "/record"), given.coordinator()).json()
                .path("statusReason").asString()).as("the reason stays on the member's record")
                .isEqualTo("Asked for a break " + unique);
    }

    @Test
    void membersOwnWordsStayWithTheLedgerAndNeverReachATopic() {
        LedgerFixture given = new LedgerFixture(port);
        String sam = given.aMember("Sam");
        String ali = given.aMember("Ali");
        String college = given.anOrganisation("Recovery college", given.aMember("Stella"));
        String walk = "A walk by the canal " + unique;
        String thanks = "Thank you for listening " + unique;
        String disputed = "We only had a coffee " + unique;
        String settled = "Agreed on a quarter of an hour " + unique;
        String rejected = "Not at the group that day " + unique;
        String title = "Hearing voices group " + unique;
        String gift = "For your birthday " + unique;
        String offer = "Anxiety course " + unique;
        String corrected = "Sam was in hospital that week " + unique;

        Map<String, Object> first = given.logBody(sam, ali, 30, "GIVER");
        first.put("description", walk);
        String validatedId = given.api.post(given.path("/contributions"), given.as(sam), first).text("id");
        ApiClient.Response validatedNow = given.validate(validatedId, ali, thanks);
        assertThat(validatedNow.status()).isEqualTo(200);
        // a coordinator's correction, and why: words about the two of them (before the gift, so on the topic before it)
        post(given, "/transfers/" + validatedNow.text("transferId") + "/reversal", given.coordinator(),
                Map.of("reason", corrected));
        String resolvedId = given.logGiven(sam, ali, 30).text("id");
        post(given, "/contributions/" + resolvedId + "/dispute", given.as(ali), Map.of("reason", disputed));
        post(given, "/contributions/" + resolvedId + "/resolution", given.coordinator(),
                Map.of("minutes", 15, "note", settled));
        String rejectedId = given.logGiven(sam, ali, 30).text("id");
        post(given, "/contributions/" + rejectedId + "/dispute", given.as(ali), Map.of("reason", disputed));
        post(given, "/contributions/" + rejectedId + "/rejection", given.coordinator(),
                Map.of("reason", rejected));
        // ids of this test's own, not its words: they may well be on a topic
        String ids = UUID.randomUUID().toString().substring(0, 8);
        String activity = "activity-" + ids;
        post(given, "/group-activities", given.coordinator(), Map.of("id", activity, "organisationId", college,
                "title", title, "kind", "INVOLVEMENT_MEETING", "happenedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(),
                "attendances", List.of(Map.of("memberId", sam, "minutes", 60))));
        String giftId = "gift-" + ids;
        post(given, "/gifts", given.as(sam), Map.of("id", giftId, "toAccountId", ali, "minutes", 10, "note", gift));
        String redemptionId = "redemption-" + ids;
        post(given, "/redemptions", given.as(sam), Map.of("id", redemptionId, "organisationId", college,
                "minutes", 10, "offer", offer));

        // each topic read up to its last record of this test (one key, one partition: all before it is there)
        awaitOn(Topics.CONTRIBUTIONS_TOPIC, r -> rejectedId.equals(r.key())
                && "reciprocity.ContributionRejected.v1".equals(CloudEventHeaders.get(r.headers(), "ce_type")));
        awaitOn(Topics.CONTRIBUTIONS_TOPIC, r -> activity.equals(r.key()));
        awaitOn(Topics.LEDGER_TOPIC, r -> given.timebank.equals(r.key())
                && new String(r.value(), StandardCharsets.UTF_8).contains(redemptionId)
                && "reciprocity.HoursRedeemed.v1".equals(CloudEventHeaders.get(r.headers(), "ce_type")));
        for (String topic : List.of(Topics.CONTRIBUTIONS_TOPIC, Topics.LEDGER_TOPIC, Topics.MEMBERS_TOPIC)) {
            assertNoneOnTopic(topic, r -> true, "any record", walk, thanks, disputed, settled, rejected, title, gift, offer,
                    corrected, unique);
        }
        assertThat(recordsOf(Topics.CONTRIBUTIONS_TOPIC, validatedId, 2)).allSatisfy(e -> {
            assertThat(absent(e.path("description"))).isTrue();
            assertThat(absent(e.path("thankYouNote"))).isTrue();
        });

        // through the API, under its access rules, the words are all there
        JsonNode validated = given.api.get(given.path("/contributions/" + validatedId), given.as(sam)).json();
        assertThat(validated.path("description").asString()).isEqualTo(walk);
        assertThat(validated.path("note").asString()).isEqualTo(thanks);
        assertThat(validated.path("reversedBy").asString()).isNotBlank();
        assertThat(validated.path("reversalReason").asString()).as("the correction's reason, read where the contribution is")
                .isEqualTo(corrected);
        assertThat(given.api.get(given.path("/contributions/" + resolvedId), given.as(sam)).json().path("note").asString())
                .isEqualTo(settled);
        assertThat(given.api.get(given.path("/contributions/" + rejectedId), given.as(sam)).json().path("note").asString())
                .isEqualTo(rejected);
        assertThat(given.api.get(given.path("/contributions/" + activity + ":" + sam), given.as(sam)).json()
                .path("description").asString()).isEqualTo(title);
    }

    private static int post(LedgerFixture given, String path, String token, Map<String, Object> body) {
        ApiClient.Response response = given.api.post(given.path(path), token, body);
        assertThat(response.status()).as(path + ": " + response.body()).isBetween(200, 299);
        return response.status();
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static Instant kindsSince(JsonNode details) {
        return Instant.parse(details.path("kinds").path(0).path("since").asString());
    }

    private static List<String> kinds(JsonNode details) {
        return details.path("kinds").valueStream().map(k -> k.path("kind").asString()).toList();
    }

    private static void awaitOn(String topic, Predicate<ConsumerRecord<String, byte[]>> last) {
        List<ConsumerRecord<String, byte[]>> seen = TopicProbe.readUntil(SharedInfrastructure.get().kafkaBootstrapServers(),
                topic, last, Duration.ofSeconds(30));
        assertThat(seen).as("the last record of the test on " + topic).anyMatch(last);
    }

    /** Every record of {@code topic} that {@code which} picks, its raw value read as text, holds none of {@code words}. */
    private static void assertNoneOnTopic(String topic, Predicate<ConsumerRecord<String, byte[]>> which, String whose,
                                          String... words) {
        List<ConsumerRecord<String, byte[]>> all = TopicProbe.readAll(SharedInfrastructure.get().kafkaBootstrapServers(),
                topic, Duration.ofSeconds(3));
        assertThat(all).as(topic).isNotEmpty();
        for (ConsumerRecord<String, byte[]> r : all) {
            if (which.test(r) && r.value() != null) {
                assertThat(new String(r.value(), StandardCharsets.UTF_8)).as(topic + ", " + whose + ": " + r.key())
                        .doesNotContain(words);
            }
        }
    }

    /** The records of one key on a topic, in topic order, each once (the outbox publishes at least once). */
    private static List<JsonNode> recordsOf(String topic, String key, int expected) {
        List<JsonNode> found = new ArrayList<>();
        TopicProbe.readUntil(SharedInfrastructure.get().kafkaBootstrapServers(), topic, r -> {
            if (key.equals(r.key())) {
                JsonNode event = JSON.readTree(r.value());
                if (found.stream().noneMatch(f -> f.path("eventId").equals(event.path("eventId")))) {
                    found.add(event);
                }
            }
            return found.size() >= expected;
        }, Duration.ofSeconds(30));
        assertThat(found).as(topic + " records of " + key).hasSize(expected);
        return found;
    }
}
