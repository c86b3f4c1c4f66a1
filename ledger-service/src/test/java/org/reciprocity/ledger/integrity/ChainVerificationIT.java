package org.reciprocity.ledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
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
 * Issue 17: a verification of the chain is recorded in the timebank's outcome document and published
 * as ChainVerified (real HTTP, MongoDB and broker); an entry changed in the database behind the
 * ledger's back is reported at its sequence; who may read the outcome and who may run one.
 */
@ServiceIntegrationTest
class ChainVerificationIT {

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
    void anAdminVerifiesNowAndTheOutcomeIsKeptAndPublished() {
        ApiClient.Response none = given.api.get(given.path("/ledger/verification/latest"), only("ADMIN"));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.code()).isEqualTo("not-verified-yet");
        twoValidatedContributions();

        ApiClient.Response ran = given.api.send("POST", given.path("/ledger/verification/runs"), only("ADMIN"), null);

        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        assertThat(ran.json().path("intact").asBoolean()).isTrue();
        assertThat(ran.json().path("entriesChecked").asLong()).isEqualTo(2);
        assertThat(ran.json().path("brokenAtSequence").isNumber()).as("nothing broke").isFalse();
        ApiClient.Response latest = given.api.get(given.path("/ledger/verification/latest"), only("STAFF"));
        assertThat(latest.status()).as(latest.body()).isEqualTo(200);
        assertThat(latest.json().path("ranAt").asString()).isEqualTo(ran.json().path("ranAt").asString());
        assertThat(latest.text("requestedBy")).isEqualTo("admin-1");
        JsonNode event = published(e -> true);
        assertThat(event.path("intact").asBoolean()).isTrue();
        assertThat(event.path("entriesChecked").asLong()).isEqualTo(2);
        assertThat(event.path("requestedBy").asString()).isEqualTo("admin-1");
        // cleared by the relay's thread just after the broker's acknowledgement
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(outcomeDocument().getList("outbox", Object.class, List.of())).as("published, and cleared").isEmpty());
    }

    @Test
    void anEntryChangedInTheDatabaseIsReportedBrokenAtItsSequence() {
        twoValidatedContributions();
        aValidatedContribution();
        given.api.send("POST", given.path("/ledger/verification/runs"), only("ADMIN"), null);
        // someone with the database changes entry 2's minutes, and not its hash
        mongo.getCollection("ledger_entries").updateOne(new Document("entry.timebankId", given.timebank)
                .append("entry.sequence", 2L), new Document("$set", new Document("entry.minutes", 600L)));

        ApiClient.Response ran = given.api.send("POST", given.path("/ledger/verification/runs"), only("ADMIN"), null);

        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        assertThat(ran.json().path("intact").asBoolean()).isFalse();
        assertThat(ran.json().path("brokenAtSequence").asLong()).isEqualTo(2);
        assertThat(ran.json().path("entriesChecked").asLong()).as("entry 1 held").isEqualTo(1);
        assertThat(ran.text("problem")).startsWith("Entry 2: ").contains("changed after it was posted");
        Document kept = outcomeDocument();
        assertThat(kept.getBoolean("intact")).isFalse();
        assertThat(kept.get("brokenAtSequence", Number.class).longValue()).isEqualTo(2);
        JsonNode event = published(e -> !e.path("intact").asBoolean());
        assertThat(event.path("brokenAtSequence").asLong()).isEqualTo(2);
        assertThat(event.path("problem").asString()).isEqualTo(ran.text("problem"));
    }

    @Test
    void staffCoordinatorsAndAdminsReadTheOutcomeAndOnlyAnAdminRunsOne() {
        given.api.send("POST", given.path("/ledger/verification/runs"), only("ADMIN"), null);
        String latest = given.path("/ledger/verification/latest");
        String runs = given.path("/ledger/verification/runs");

        assertThat(given.api.get(latest, only("STAFF")).status()).isEqualTo(200);
        assertThat(given.api.get(latest, only("COORDINATOR")).status()).isEqualTo(200);
        assertThat(given.api.get(latest, only("ADMIN")).status()).isEqualTo(200);
        ApiClient.Response member = given.api.get(latest, given.as(given.aMember("Sam")));
        assertThat(member.status()).isEqualTo(403);
        assertThat(member.code()).isEqualTo("not-permitted");
        assertThat(given.api.get(latest, given.tokens.token("admin-2", "tb-another", "ADMIN")).status())
                .as("another timebank's admin").isEqualTo(403);
        assertThat(given.api.send("POST", runs, only("COORDINATOR"), null).status()).isEqualTo(403);
        assertThat(given.api.send("POST", runs, only("STAFF"), null).status()).isEqualTo(403);
        assertThat(given.api.send("POST", runs, given.tokens.token("admin-2", "tb-another", "ADMIN"), null).status())
                .isEqualTo(403);
    }

    private String only(String role) {
        return given.tokens.token(role.toLowerCase() + "-1", given.timebank, role);
    }

    private void twoValidatedContributions() {
        aValidatedContribution();
        aValidatedContribution();
    }

    private void aValidatedContribution() {
        String sam = given.aMember("Sam");
        String ali = given.aMember("Ali");
        ApiClient.Response logged = given.logGiven(sam, ali, 30);
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        assertThat(given.validate(logged.text("id"), ali, "Thank you").status()).isEqualTo(200);
    }

    private Document outcomeDocument() {
        return mongo.getCollection("ledger_verifications").find(new Document("_id", given.timebank)).first();
    }

    /** The timebank's latest ChainVerified that matches, read from the checkpoints topic. */
    private JsonNode published(java.util.function.Predicate<JsonNode> wanted) {
        JsonNode[] found = new JsonNode[1];
        TopicProbe.readUntil(SharedInfrastructure.get().kafkaBootstrapServers(), Topics.LEDGER_CHECKPOINTS_TOPIC, r -> {
            if (given.timebank.equals(r.key())
                    && "reciprocity.ChainVerified.v1".equals(CloudEventHeaders.get(r.headers(), "ce_type"))) {
                JsonNode event = json(r);
                if (wanted.test(event)) {
                    found[0] = event;
                    return true;
                }
            }
            return false;
        }, Duration.ofSeconds(30));
        assertThat(found[0]).as("ChainVerified published for " + given.timebank).isNotNull();
        return found[0];
    }

    static JsonNode json(ConsumerRecord<String, byte[]> r) {
        return JsonMapper.builder().build().readTree(r.value());
    }
}
