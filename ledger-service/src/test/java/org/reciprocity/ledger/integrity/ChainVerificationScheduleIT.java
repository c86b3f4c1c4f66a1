package org.reciprocity.ledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;

import org.bson.Document;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17: the schedule verifies a timebank's chain on its own, records the outcome and publishes
 * ChainVerified. Its own context, looking every second (each timebank once an hour), closed after it
 * so its schedule does not go on walking the other tests' timebanks.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"reciprocity.ledger.verification.check=1s", "reciprocity.ledger.verification.every=1h"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ChainVerificationScheduleIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theScheduleVerifiesATimebanksChainAndPublishesTheOutcome() {
        LedgerFixture given = new LedgerFixture(port);
        ApiClient.Response logged = given.logGiven(given.aMember("Sam"), given.aMember("Ali"), 30);
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);

        // every timebank already in the database is walked first: a while, in a full build (49-58 s in session
        // 17's builds; the bound leaves room for a loaded machine, and says nothing of speed)
        await().atMost(Duration.ofSeconds(300)).until(() -> outcome(given.timebank) != null);

        Document kept = outcome(given.timebank);
        assertThat(kept.getBoolean("intact")).isTrue();
        assertThat(kept.get("requestedBy")).as("the schedule, not an admin").isNull();
        assertThat(kept.getDate("ranAt")).isBeforeOrEqualTo(new Date());
        JsonNode event = null;
        for (var r : TopicProbe.readUntil(SharedInfrastructure.get().kafkaBootstrapServers(), Topics.LEDGER_CHECKPOINTS_TOPIC,
                r -> given.timebank.equals(r.key())
                        && "reciprocity.ChainVerified.v1".equals(CloudEventHeaders.get(r.headers(), "ce_type")),
                Duration.ofSeconds(30))) {
            if (given.timebank.equals(r.key())) {
                event = ChainVerificationIT.json(r);
            }
        }
        assertThat(event).as("ChainVerified published").isNotNull();
        assertThat(event.path("intact").asBoolean()).isTrue();
        assertThat(event.path("entriesChecked").asLong()).isEqualTo(kept.get("entriesChecked", Number.class).longValue());
        assertThat(event.path("occurredAt").asString()).isEqualTo(kept.getDate("ranAt").toInstant().toString());
        ApiClient.Response latest = given.api.get(given.path("/ledger/verification/latest"), given.reviewer("staff-1"));
        assertThat(latest.status()).as(latest.body()).isEqualTo(200);
        assertThat(latest.json().path("intact").asBoolean()).isTrue();
    }

    private Document outcome(String timebankId) {
        return mongo.getCollection("ledger_verifications").find(new Document("_id", timebankId)).first();
    }
}
