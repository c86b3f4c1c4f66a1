package org.reciprocity.ledger.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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
 * Issue 18: each run of the details sweep appends the "erased" record of a member erased in the last
 * two days once more to the compacted details topic (through the member document's outbox), so the
 * segment with their older records rolls and is cleaned even when nothing else is written; a member
 * erased longer ago, or not erased, gets nothing. Real MongoDB and broker.
 */
@ServiceIntegrationTest
class DetailsSweepIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DetailsSweep sweep;

    @Autowired
    MongoTemplate mongo;

    @Test
    void eachRunAppendsTheErasedRecordOfARecentlyErasedMemberOnceMore() {
        String recent = member("ERASED", Instant.now().minus(Duration.ofHours(1)));
        String longAgo = member("ERASED", Instant.now().minus(Duration.ofDays(3)));
        String active = member("ACTIVE", null);

        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);

        List<JsonNode> again = recordsOf(recent, 2);
        assertThat(again).hasSize(2).allSatisfy(r -> {
            assertThat(r.path("erased").asBoolean()).isTrue();
            assertThat(r.path("version").asLong()).as("the erasure's version: nothing new for readers").isEqualTo(3);
            assertThat(r.path("displayName").isMissingNode() || r.path("displayName").isNull()).isTrue();
            assertThat(r.path("kinds").isEmpty()).isTrue();
        });
        // published in the same runs as the recent member's: had there been any, they would be there by now
        List<String> others = TopicProbe.readAll(SharedInfrastructure.get().kafkaBootstrapServers(),
                Topics.MEMBER_DETAILS_TOPIC, Duration.ofSeconds(3)).stream().map(r -> r.key()).toList();
        assertThat(others).doesNotContain(longAgo, active);
        assertThat(mongo.findById(recent, Document.class, "members").getList("outbox", Object.class, List.of()))
                .as("published and taken out of the outbox").isEmpty();
    }

    private String member(String status, Instant erasedAt) {
        String id = UUID.randomUUID().toString();
        Document member = new Document("_id", id).append("timebankId", "tb-swept").append("status", status)
                .append("version", 3L).append("outbox", List.of());
        if (erasedAt != null) {
            member.append("erasedAt", Date.from(erasedAt));
        }
        mongo.insert(member, "members");
        return id;
    }

    private static List<JsonNode> recordsOf(String memberId, int expected) {
        List<JsonNode> found = new ArrayList<>();
        TopicProbe.readUntil(SharedInfrastructure.get().kafkaBootstrapServers(), Topics.MEMBER_DETAILS_TOPIC, r -> {
            if (memberId.equals(r.key())) {
                JsonNode record = JSON.readTree(r.value());
                if (found.stream().noneMatch(f -> f.path("eventId").equals(record.path("eventId")))) {
                    found.add(record);
                }
            }
            return found.size() >= expected;
        }, Duration.ofSeconds(30));
        return found;
    }
}
