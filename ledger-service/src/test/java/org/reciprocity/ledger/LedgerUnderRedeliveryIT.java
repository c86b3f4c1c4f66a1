package org.reciprocity.ledger;

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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.contracts.match.MatchAgreed;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The ledger's consumer is stopped and restarted mid-stream, every event arrives twice, a poison
 * record is among them, and every command is sent twice: afterwards the books still balance, no
 * limit is broken, each validated contribution has exactly one transfer, the chain verifies, and
 * the poison record waits on the dead-letter topic.
 */
@ServiceIntegrationTest
class LedgerUnderRedeliveryIT {

    static final int MATCHES = 20;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void theInvariantsHoldThroughARestartDuplicatesAndAPoisonRecord() {
        LedgerFixture given = new LedgerFixture(port);
        List<String> members = List.of(given.aMember("A"), given.aMember("B"), given.aMember("C"), given.aMember("D"));
        String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
        List<MatchAgreed> agreed = new ArrayList<>();
        for (int i = 0; i < MATCHES; i++) {
            agreed.add(new MatchAgreed(UUID.randomUUID(), Instant.now(), given.timebank, "match-" + given.timebank + "-" + i,
                    members.get(i % 4), members.get((i + 1) % 4), null, null, 60));
        }
        String poisonKey = "poison-" + given.timebank;

        for (int i = 0; i < MATCHES; i++) {
            if (i == MATCHES / 2) {
                listeners.getListenerContainer("ledger.matches").stop();
                RecordHeaders headers = new RecordHeaders();
                CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, "reciprocity.MatchAgreed.v1");
                TopicProbe.sendRaw(bootstrap, new ProducerRecord<>(Topics.MATCHES_TOPIC, null, poisonKey,
                        "{\"matchId\": 42".getBytes(StandardCharsets.UTF_8), headers));
            }
            TopicProbe.send(bootstrap, agreed.get(i));
            TopicProbe.send(bootstrap, agreed.get(i));
        }
        listeners.getListenerContainer("ledger.matches").start();

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("agreed_matches")
                .countDocuments(new Document("timebankId", given.timebank)) == MATCHES);
        List<String> contributions = new ArrayList<>();
        for (MatchAgreed match : agreed) {
            Map<String, Object> body = new java.util.LinkedHashMap<>(given.logBody(match.giverId(), match.receiverId(), 45, "GIVER"));
            body.put("id", "for-" + match.matchId());
            body.put("matchId", match.matchId());
            ApiClient.Response logged = given.api.post(given.path("/contributions"), given.as(match.giverId()), body);
            ApiClient.Response again = given.api.post(given.path("/contributions"), given.as(match.giverId()), body);
            assertThat(logged.status()).as(logged.body()).isEqualTo(201);
            assertThat(again.text("id")).isEqualTo(logged.text("id"));
            assertThat(given.validate(logged.text("id"), match.receiverId(), "thanks").status()).isEqualTo(200);
            assertThat(given.validate(logged.text("id"), match.receiverId(), "thanks").status()).isEqualTo(200);
            contributions.add(logged.text("id"));
        }

        assertThat(given.sumOfBalances()).as("balances sum to zero").isZero();
        for (Document account : mongo.getCollection("accounts").find(new Document("timebankId", given.timebank))) {
            assertThat(account.getLong("balance") - account.getLong("debitsPending")).isGreaterThanOrEqualTo(-600);
            assertThat(account.getLong("balance") + account.getLong("creditsPending")).isLessThanOrEqualTo(6000);
        }
        for (String id : contributions) {
            assertThat(mongo.getCollection("ledger_entries").countDocuments(new Document("entry.timebankId", given.timebank)
                    .append("entry.contributionId", id))).as("transfers for %s", id).isEqualTo(1);
        }
        ApiClient.Response verification = given.api.get(given.path("/ledger/verification"), given.admin());
        assertThat(verification.json().path("intact").asBoolean()).isTrue();
        assertThat(verification.json().path("entriesChecked").asLong()).isEqualTo(MATCHES);
        for (MatchAgreed match : agreed) {
            assertThat(mongo.getCollection("processed_events").countDocuments(new Document("eventId",
                    match.eventId().toString()))).as("applied once").isEqualTo(1);
        }
        List<ConsumerRecord<String, byte[]>> dead = TopicProbe.readUntil(bootstrap, Topics.MATCHES_TOPIC + "-dlt",
                r -> poisonKey.equals(r.key()), Duration.ofSeconds(20));
        assertThat(dead).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo(poisonKey);
            assertThat(CloudEventHeaders.get(r.headers(), "reciprocity_dlt-reason")).contains("not a valid");
        });
    }
}
