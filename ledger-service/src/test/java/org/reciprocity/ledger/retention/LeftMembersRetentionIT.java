package org.reciprocity.ledger.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.kit.retention.Retention;
import org.reciprocity.kit.retention.RetentionReport;
import org.reciprocity.ledger.LedgerFixture;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: the ledger's daily retention run erases the members who left (suspended) longer ago than
 * their timebank's {@code leftMembersDays}, through the real erasure, store and broker: only the one
 * suspended long ago with nothing open is erased (and {@code MemberErased} goes out, by "retention");
 * one suspended recently and an active one stay; one with a contribution still open waits, and is
 * erased on a later day once it is settled; a second run the same day does nothing. The report says
 * how many, never whose, to the admin only.
 */
@ServiceIntegrationTest
class LeftMembersRetentionIT {

    private static final String ERASED_TYPE = "reciprocity.MemberErased.v1";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LeftMembersRetention job;

    @Test
    void erasesOnlyWhoLeftLongerAgoThanThePeriodAndWaitsForOpenContributions() {
        LedgerFixture given = new LedgerFixture(port);
        assertThat(given.api.put(given.path("/retention-policy"), given.admin(), Map.of("messagesDays", 365,
                "closedListingsDays", 365, "closedMatchActivityDays", 365, "plansDays", 90, "leftMembersDays", 30))
                .status()).isEqualTo(200);
        // a day of its own, ahead of the others' runs in this JVM (the report's _id is the UTC day)
        Instant now = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(3));
        String ali = given.aMember("Ali");
        String leftLongAgo = given.aMember("Sam");
        String leftRecently = given.aMember("Kim");
        String active = given.aMember("Lou");
        String leftWithOpen = given.aMember("Jo");
        ApiClient.Response open = given.logGiven(ali, leftWithOpen, 45);
        assertThat(open.status()).as(open.body()).isEqualTo(201);
        for (String member : List.of(leftLongAgo, leftRecently, leftWithOpen)) {
            assertThat(given.api.post(given.path("/members/" + member + "/suspension"), given.coordinator(), "").status())
                    .isEqualTo(200);
        }
        // the API cannot backdate a suspension: its date is written as the suspension writes it
        statusChangedAt(leftLongAgo, now.minus(Duration.ofDays(31)));
        statusChangedAt(leftRecently, now.minus(Duration.ofDays(29)));
        statusChangedAt(active, now.minus(Duration.ofDays(400)));
        statusChangedAt(leftWithOpen, now.minus(Duration.ofDays(31)));

        RetentionReport report = job.runAt(now).orElseThrow();

        assertThat(status(leftLongAgo)).isEqualTo("ERASED");
        assertThat(mongo.findById(leftLongAgo, Document.class, "members").getString("erasedBy")).isEqualTo("retention");
        assertThat(status(leftRecently)).isEqualTo("SUSPENDED");
        assertThat(status(active)).isEqualTo("ACTIVE");
        assertThat(status(leftWithOpen)).as("waits for its open contribution").isEqualTo("SUSPENDED");
        assertThat(mongo.findById(leftWithOpen, Document.class, "members").getString("displayName")).isEqualTo("Jo");
        List<ConsumerRecord<String, byte[]>> erased = TopicProbe.readUntil(bootstrap(), Topics.MEMBERS_TOPIC,
                r -> leftLongAgo.equals(r.key()) && ERASED_TYPE.equals(CloudEventHeaders.get(r.headers(), "ce_type")),
                Duration.ofSeconds(30));
        assertThat(erased).as("MemberErased on the members topic").anyMatch(r -> leftLongAgo.equals(r.key())
                && new String(r.value(), StandardCharsets.UTF_8).contains("\"erasedBy\":\"retention\""));
        // other tests' timebanks share the store: theirs may count too, never fewer than ours
        assertThat(report.removed()).containsKeys(LeftMembersRetention.ERASED, LeftMembersRetention.WAITING);
        assertThat(report.removed().get(LeftMembersRetention.ERASED)).isGreaterThanOrEqualTo(1);
        assertThat(report.removed().get(LeftMembersRetention.WAITING)).isGreaterThanOrEqualTo(1);
        Document stored = mongo.getCollection(Retention.REPORTS).find(new Document("_id", dayOf(now))).first();
        assertThat(stored.getDate("finishedAt")).isNotNull();
        assertThat(stored.toJson()).as("counts, never whose").doesNotContain(leftLongAgo, leftWithOpen);

        ApiClient.Response reports = given.api.get(given.path("/admin/retention/reports"), given.admin());
        assertThat(reports.status()).as(reports.body()).isEqualTo(200);
        JsonNode ours = reports.json().path("reports").valueStream()
                .filter(r -> r.path("service").asString().equals("ledger-service")
                        && Instant.parse(r.path("startedAt").asString()).equals(now))
                .findFirst().orElseThrow();
        assertThat(ours.path("removed").path(LeftMembersRetention.ERASED).asLong())
                .isEqualTo(report.removed().get(LeftMembersRetention.ERASED));
        assertThat(given.api.get(given.path("/admin/retention/reports"), given.coordinator()).status()).isEqualTo(403);

        // settled: the same day's second run finds the day taken and does nothing; the next day's erases
        assertThat(given.api.post(given.path("/contributions/" + open.text("id") + "/withdrawal"), given.as(ali), "")
                .status()).isEqualTo(200);
        assertThat(job.runAt(now.plus(Duration.ofHours(5)))).as("the day is taken").isEmpty();
        assertThat(status(leftWithOpen)).isEqualTo("SUSPENDED");
        assertThat(mongo.getCollection(Retention.REPORTS).countDocuments(new Document("_id", dayOf(now)))).isEqualTo(1);

        assertThat(job.runAt(now.plus(Duration.ofDays(1)))).isPresent();
        assertThat(status(leftWithOpen)).isEqualTo("ERASED");
        assertThat(status(leftRecently)).as("exactly 30 days by the next day: stays").isEqualTo("SUSPENDED");
    }

    private void statusChangedAt(String memberId, Instant at) {
        mongo.getCollection("members").updateOne(new Document("_id", memberId),
                new Document("$set", new Document("statusChangedAt", Date.from(at))));
    }

    private String status(String memberId) {
        return mongo.findById(memberId, Document.class, "members").getString("status");
    }

    private static String dayOf(Instant now) {
        return "ledger-service/" + now.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String bootstrap() {
        return SharedInfrastructure.get().kafkaBootstrapServers();
    }
}
