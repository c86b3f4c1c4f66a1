package org.reciprocity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.member.MemberSuspended;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** matching-service builds its profiles from the ledger's member events on the real broker. */
@ServiceIntegrationTest
class MemberEventsIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    String timebank;
    ApiClient api;

    @BeforeEach
    void setUp() {
        timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        api = new ApiClient("http://localhost:" + port);
    }

    @Test
    void aRegisteredMemberGetsAProfile() {
        MemberRegistered registered = aMemberRegistered("Sam");

        LedgerMembers.send(bootstrap, registered);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ApiClient.Response profile = api.get(profilePath(registered), memberToken());
            assertThat(profile.status()).isEqualTo(200);
            assertThat(profile.text("displayName")).isEqualTo("Sam");
        });
    }

    @Test
    void anEventDeliveredThreeTimesIsAppliedOnce() {
        MemberRegistered registered = aMemberRegistered("Ali");

        LedgerMembers.send(bootstrap, registered);
        LedgerMembers.send(bootstrap, registered);
        LedgerMembers.send(bootstrap, registered);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(profilePath(registered), memberToken()).status() == 200);
        // all three copies share a partition (same key): once a suspension sent after them is applied, so are they
        TopicProbe.send(bootstrap, new MemberSuspended(UUID.randomUUID(), Instant.now(), timebank,
                registered.memberId(), "coordinator-1", null));
        TopicProbe.send(bootstrap, LedgerMembers.details(new MemberRegistered(UUID.randomUUID(), registered.occurredAt(),
                timebank, registered.memberId(), MemberKind.CARER, "Ali", null, "en", null, "coordinator-1"), 2));
        // the kind is the member's own to see (and the coordinators')
        await().atMost(Duration.ofSeconds(20)).until(() -> "CARER".equals(api.get(profilePath(registered),
                SharedInfrastructure.get().tokens().token(registered.memberId(), timebank, "MEMBER")).text("kind")));
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(mongo.getCollection("profiles")
                .find(new Document("_id", registered.memberId())).first().getBoolean("suspended")));
        assertThat(mongo.getCollection("processed_events")
                .countDocuments(new Document("eventId", registered.eventId().toString()))).isEqualTo(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndConsumingGoesOn() {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, "reciprocity.MemberRegistered.v1");
        String poisonKey = "poison-" + UUID.randomUUID();
        TopicProbe.sendRaw(bootstrap, new ProducerRecord<>(Topics.MEMBERS.name(), null, poisonKey,
                "{this is not an event".getBytes(StandardCharsets.UTF_8), headers));
        MemberRegistered after = aMemberRegistered("Jo");
        LedgerMembers.send(bootstrap, after);

        List<ConsumerRecord<String, byte[]>> dead = TopicProbe.readUntil(bootstrap, Topics.MEMBERS.deadLetterName(),
                r -> poisonKey.equals(r.key()), Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> poison = dead.stream().filter(r -> poisonKey.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("the poison record never reached " + Topics.MEMBERS.deadLetterName()));
        assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("{this is not an event");
        assertThat(CloudEventHeaders.get(poison.headers(), "reciprocity_dlt-reason"))
                .contains("not a valid reciprocity.MemberRegistered.v1 event");
        assertThat(CloudEventHeaders.get(poison.headers(), "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(CloudEventHeaders.get(poison.headers(), "kafka_dlt-original-topic")).isEqualTo(Topics.MEMBERS.name());
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(profilePath(after), memberToken()).status() == 200);
    }

    private MemberRegistered aMemberRegistered(String name) {
        return new MemberRegistered(UUID.randomUUID(), Instant.parse("2026-11-25T10:00:00Z"), timebank,
                UUID.randomUUID().toString(), MemberKind.SERVICE_USER, name, null, "en", null, "coordinator-1");
    }

    private String profilePath(MemberRegistered registered) {
        return "/api/v1/timebanks/" + timebank + "/profiles/" + registered.memberId();
    }

    private String memberToken() {
        return SharedInfrastructure.get().tokens().token("member-1", timebank, "MEMBER");
    }
}
