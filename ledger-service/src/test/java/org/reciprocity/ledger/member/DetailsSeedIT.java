package org.reciprocity.ledger.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18: a member registered before the details topic existed (no {@code kinds} on their document)
 * gets their kind history and a details record once, so the services that now read names and kinds
 * only from that topic know them; an erased member, and a second run, get nothing. Real MongoDB and broker.
 */
@ServiceIntegrationTest
class DetailsSeedIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DetailsSeed seed;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aMemberRegisteredBeforeTheDetailsTopicGetsTheirDetailsPublishedOnce() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Instant registered = Instant.parse("2026-03-01T10:00:00Z");
        String old = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", old).append("timebankId", "tb-seeded").append("kind", "CARER")
                .append("displayName", "Old member " + unique).append("email", "old-" + unique + "@example.org")
                .append("language", "fr").append("roles", List.of("MEMBER")).append("status", "ACTIVE")
                .append("registeredAt", Date.from(registered)).append("outbox", List.of()), "members");
        String erased = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", erased).append("timebankId", "tb-seeded").append("status", "ERASED")
                .append("outbox", List.of()), "members");

        assertThat(seed.seed()).isGreaterThanOrEqualTo(1);
        assertThat(seed.seed()).as("a second run").isZero();

        List<JsonNode> records = new ArrayList<>();
        TopicProbe.readUntil(SharedInfrastructure.get().kafkaBootstrapServers(), Topics.MEMBER_DETAILS_TOPIC, r -> {
            if (Set.of(old, erased).contains(r.key())) {
                records.add(JSON.readTree(r.value()));
            }
            return false;
        }, Duration.ofSeconds(5));
        assertThat(records).hasSize(1);
        JsonNode record = records.get(0);
        assertThat(record.path("memberId").asText()).isEqualTo(old);
        assertThat(record.path("displayName").asText()).isEqualTo("Old member " + unique);
        assertThat(record.path("language").asText()).isEqualTo("fr");
        assertThat(record.path("version").asLong()).isZero();
        assertThat(record.path("kinds").get(0).path("kind").asText()).isEqualTo("CARER");
        assertThat(record.path("kinds").get(0).path("since").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(mongo.findById(old, Document.class, "members").getList("kinds", Object.class)).hasSize(1);
    }
}
