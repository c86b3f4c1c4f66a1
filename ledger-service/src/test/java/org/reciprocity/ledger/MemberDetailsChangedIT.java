package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
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
 * Issue 16: a coordinator's change of a member's details reaches the members topic as one
 * MemberDetailsChanged with the member's next version, and (issue 18) the details topic as one
 * MemberDetailsRecorded with the whole details at that version, both written with the change in the
 * member's document (real HTTP, MongoDB and broker). The members topic is kept for ever: since issue 18
 * its events carry no name, e-mail, language or kind.
 */
@ServiceIntegrationTest
class MemberDetailsChangedIT {

    private static final String CHANGED = "reciprocity.MemberDetailsChanged.v1";
    private static final String RECORDED = "reciprocity.MemberDetailsRecorded.v1";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    LedgerFixture given;

    @BeforeEach
    void aTimebank() {
        given = new LedgerFixture(port);
    }

    @Test
    void aCoordinatorsChangePublishesTheNextVersionAndTheWholeNewDetailsOnTheDetailsTopic() {
        String sam = given.aMember("Sam");

        ApiClient.Response edited = given.api.send("PATCH", given.path("/members/" + sam), given.coordinator(),
                Map.of("displayName", "Samuel", "email", "Samuel@Example.org", "language", "fr"));
        ApiClient.Response again = given.api.send("PATCH", given.path("/members/" + sam), given.coordinator(),
                Map.of("kind", "CARER"));

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        List<JsonNode> changes = changesOf(sam, 2);
        assertThat(changes).hasSize(2);
        JsonNode first = changes.get(0);
        assertThat(first.path("memberId").asString()).isEqualTo(sam);
        assertThat(first.path("timebankId").asString()).isEqualTo(given.timebank);
        assertThat(first.path("version").asLong()).isEqualTo(1);
        assertThat(first.path("changedBy").asString()).isEqualTo("coordinator-1");
        assertThat(changes).as("nothing personal on the members topic").allSatisfy(c -> {
            for (String field : List.of("displayName", "email", "language", "kind")) {
                assertThat(c.path(field).isMissingNode() || c.path(field).isNull()).as(field).isTrue();
            }
        });
        assertThat(changes.get(1).path("version").asLong()).isEqualTo(2);
        List<JsonNode> details = detailsOf(sam, 2);
        JsonNode renamed = details.get(0);
        assertThat(renamed.path("timebankId").asString()).isEqualTo(given.timebank);
        assertThat(renamed.path("displayName").asString()).isEqualTo("Samuel");
        assertThat(renamed.path("email").asString()).isEqualTo("samuel@example.org");
        assertThat(renamed.path("language").asString()).isEqualTo("fr");
        assertThat(renamed.path("kinds").path(0).path("kind").asString()).isEqualTo("SERVICE_USER");
        assertThat(renamed.path("version").asLong()).isEqualTo(1);
        JsonNode second = details.get(1);
        assertThat(second.path("kinds").valueStream().map(k -> k.path("kind").asString()))
                .containsExactly("SERVICE_USER", "CARER");
        assertThat(second.path("displayName").asString()).as("the whole details, not the difference").isEqualTo("Samuel");
        assertThat(second.path("version").asLong()).isEqualTo(2);
        assertThat(stored(sam).get("version", Number.class).longValue()).isEqualTo(2);
    }

    @Test
    void detailsAlreadySoAndBadDetailsPublishNothingAndKeepTheVersion() {
        String sam = given.aMember("Sam");
        given.api.send("PATCH", given.path("/members/" + sam), given.coordinator(), Map.of("displayName", "Samuel"));

        ApiClient.Response same = given.api.send("PATCH", given.path("/members/" + sam), given.coordinator(),
                Map.of("displayName", "Samuel", "language", "en"));
        ApiClient.Response bad = given.api.send("PATCH", given.path("/members/" + sam), given.coordinator(),
                Map.of("displayName", "Sam again", "language", "de"));
        // a later change: once it is on the topic, everything before it is too (one key, one partition)
        given.api.send("PATCH", given.path("/members/" + sam), given.coordinator(), Map.of("displayName", "Sammy"));

        assertThat(same.status()).isEqualTo(200);
        assertThat(bad.status()).isEqualTo(400);
        List<JsonNode> changes = changesOf(sam, 2);
        assertThat(changes).extracting(c -> c.path("version").asLong()).containsExactly(1L, 2L);
        assertThat(detailsOf(sam, 2)).extracting(c -> c.path("displayName").asString()).containsExactly("Samuel", "Sammy");
    }

    @Test
    void changesAtTheSameMomentEachGetTheirOwnVersionAndTheLastWrittenIsTheNewest() {
        String sam = given.aMember("Sam");
        int changers = 4;

        List<CompletableFuture<ApiClient.Response>> all = IntStream.range(0, changers)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> given.api.send("PATCH", given.path("/members/" + sam),
                        given.coordinator(), Map.of("displayName", "Name " + i))))
                .toList();

        assertThat(all.stream().map(CompletableFuture::join).map(ApiClient.Response::status)).containsOnly(200);
        List<JsonNode> changes = changesOf(sam, changers);
        assertThat(changes).extracting(c -> c.path("version").asLong()).containsExactly(1L, 2L, 3L, 4L);
        Document stored = stored(sam);
        assertThat(stored.get("version", Number.class).longValue()).isEqualTo(changers);
        List<JsonNode> details = detailsOf(sam, changers);
        assertThat(details).extracting(c -> c.path("version").asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(details.get(changers - 1).path("displayName").asString())
                .as("the highest version carries the details the ledger kept").isEqualTo(stored.getString("displayName"));
    }

    private Document stored(String memberId) {
        return mongo.getCollection("members").find(new Document("_id", memberId)).first();
    }

    /** The member's MemberDetailsChanged events in topic order, each once (the outbox publishes at least once). */
    private static List<JsonNode> changesOf(String memberId, int expected) {
        return recordsOf(Topics.MEMBERS_TOPIC, CHANGED, memberId, expected);
    }

    /** The member's details records after registration (version 1 on), in topic order, each once. */
    private static List<JsonNode> detailsOf(String memberId, int expected) {
        return recordsOf(Topics.MEMBER_DETAILS_TOPIC, RECORDED, memberId, expected + 1).stream()
                .filter(d -> d.path("version").asLong() > 0).toList();
    }

    private static List<JsonNode> recordsOf(String topic, String type, String memberId, int expected) {
        List<JsonNode> found = new ArrayList<>();
        TopicProbe.readUntil(SharedInfrastructure.get().kafkaBootstrapServers(), topic, r -> {
            if (memberId.equals(r.key()) && type.equals(CloudEventHeaders.get(r.headers(), "ce_type"))) {
                JsonNode event = json(r);
                if (found.stream().noneMatch(f -> f.path("eventId").equals(event.path("eventId")))) {
                    found.add(event);
                }
            }
            return found.size() >= expected;
        }, Duration.ofSeconds(30));
        return found;
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> r) {
        return JsonMapper.builder().build().readTree(r.value());
    }
}
