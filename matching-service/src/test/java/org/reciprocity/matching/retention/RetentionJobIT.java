package org.reciprocity.matching.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.timebank.RetentionPolicyChanged;
import org.reciprocity.kit.retention.Retention;
import org.reciprocity.kit.retention.RetentionReport;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The retention job of matching-service against the real store and broker: the timebank's policy
 * (30 days for everything) arrives as the ledger publishes it; the job run at a fixed time removes
 * exactly the closed listings and plans past it, clears exactly the old closed matches' activity,
 * and reports how many; two instances running it at once touch each document once and write one report.
 */
@ServiceIntegrationTest
class RetentionJobIT {

    private static final String TB = "retention-matching";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RetentionJob job;

    private final String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    private final List<String> old = new ArrayList<>();
    private final List<String> young = new ArrayList<>();

    @BeforeEach
    void policyOfThirtyDays() {
        TopicProbe.send(bootstrap, new RetentionPolicyChanged(UUID.randomUUID(), Instant.now(), TB, 365, 30, 30, 30,
                730, "admin-1"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                mongo.getCollection("retention_policies").find(new Document("_id", TB)).first() != null);
    }

    /** Other tests share the store: what this one wrote goes. */
    @AfterEach
    void cleanUp() {
        for (String c : List.of("listings", "matches", "plans")) {
            mongo.getCollection(c).deleteMany(new Document("timebankId", TB));
        }
    }

    @Test
    void removesExactlyWhatIsPastTheTimebanksPeriodsAndReportsHowMany() {
        Instant now = Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.DAYS).plusSeconds(3 * 3600);
        things(now);
        Set<String> othersBefore = others();

        RetentionReport report = job.runAt(now).orElseThrow();

        assertThat(present("listings", old)).isEmpty();
        assertThat(present("plans", old)).isEmpty();
        assertThat(withActivity(old)).isEmpty();
        assertThat(present("matches", old)).as("the matches stay").hasSameSizeAs(old);
        assertThat(present("listings", young)).hasSameSizeAs(young);
        assertThat(present("plans", young)).hasSameSizeAs(young);
        assertThat(withActivity(young)).hasSameSizeAs(young);
        Set<String> othersGone = new HashSet<>(othersBefore);
        othersGone.removeAll(others());
        assertThat(report.removed().keySet()).containsExactly("closed-listings", "closed-match-activity",
                "closed-match-reason", "plans");
        assertThat(report.removed().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(4L * old.size() + othersGone.size());
        Document stored = mongo.getCollection(Retention.REPORTS).find(new Document("_id", dayOf(now))).first();
        assertThat(stored.getList("removed", Document.class)).hasSize(4);

        ApiClient api = new ApiClient("http://localhost:" + port);
        ApiClient.Response reports = api.get("/api/v1/timebanks/" + TB + "/admin/retention/reports",
                SharedInfrastructure.get().tokens().token("admin-1", TB, "ADMIN"));
        assertThat(reports.status()).isEqualTo(200);
        assertThat(reports.json().path("reports").get(0).path("removed").path("plans").asLong())
                .isGreaterThanOrEqualTo(old.size());
    }

    @Test
    void twoInstancesAtOnceTouchEachDocumentOnceAndWriteOneReport() throws Exception {
        Instant now = Instant.now().plus(Duration.ofDays(50)).truncatedTo(ChronoUnit.DAYS).plusSeconds(3 * 3600);
        things(now);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> runs = List.of(
                CompletableFuture.supplyAsync(() -> runAfter(start, new Retention(mongo, "matching-service"), now)),
                CompletableFuture.supplyAsync(() -> runAfter(start, new Retention(mongo, "matching-service"), now)));
        start.countDown();

        assertThat(List.of(runs.get(0).get(), runs.get(1).get())).containsExactlyInAnyOrder(true, false);
        assertThat(present("listings", old)).isEmpty();
        assertThat(withActivity(old)).isEmpty();
        assertThat(present("plans", young)).hasSameSizeAs(young);
        assertThat(job.runAt(now)).as("the scheduler's run that day finds the day taken").isEmpty();
        assertThat(mongo.getCollection(Retention.REPORTS).countDocuments(new Document("service", "matching-service")
                .append("startedAt", Date.from(now)))).isEqualTo(1);
    }

    private static boolean runAfter(CountDownLatch start, Retention retention, Instant now) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return retention.run(List.of(MatchingRetention.values()), now).isPresent();
    }

    private static String dayOf(Instant now) {
        return "matching-service/" + now.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** For each of ten ids, a closed listing, a closed match and a plan: five dated 31+ days before now, five 29- days. */
    private void things(Instant now) {
        old.clear();
        young.clear();
        for (int i = 0; i < 10; i++) {
            String id = UUID.randomUUID().toString();
            Date at = Date.from(now.minus(Duration.ofDays(i < 5 ? 31 + i : 29 - i)));
            (i < 5 ? old : young).add(id);
            mongo.getCollection("listings").insertOne(new Document("_id", id).append("timebankId", TB)
                    .append("ownerId", "member-" + i).append("kind", "NEED").append("title", "A walk on Tuesdays")
                    .append("status", i % 2 == 0 ? "WITHDRAWN" : "EXPIRED").append("updatedAt", at).append("version", 2L));
            mongo.getCollection("matches").insertOne(new Document("_id", id).append("timebankId", TB)
                    .append("status", "COMPLETED").append("closedAt", at).append("activity", "A walk on Tuesdays")
                    .append("closedReason", "Sam was unwell").append("version", 3L));
            mongo.getCollection("plans").insertOne(new Document("_id", id).append("timebankId", TB)
                    .append("createdBy", "coordinator-1").append("createdAt", at).append("status", "SENT"));
        }
        // open listings and matches, however old, stay: RetentionRuleProperties (an open one written here
        // by hand would be loaded by the board's and the matches' reloads of the other tests)
    }

    private Set<String> others() {
        Set<String> ids = new HashSet<>();
        Document notOurs = new Document("timebankId", new Document("$ne", TB));
        for (String c : List.of("listings", "plans")) {
            mongo.getCollection(c).find(notOurs).forEach(d -> ids.add(c + "/" + d.get("_id")));
        }
        mongo.getCollection("matches").find(new Document(notOurs).append("activity", new Document("$exists", true)))
                .forEach(d -> ids.add("matches/" + d.get("_id")));
        return ids;
    }

    private List<String> present(String collection, List<String> ids) {
        List<String> found = new ArrayList<>();
        mongo.getCollection(collection).find(new Document("_id", new Document("$in", ids)))
                .forEach(d -> found.add(d.getString("_id")));
        return found;
    }

    private List<String> withActivity(List<String> ids) {
        List<String> found = new ArrayList<>();
        mongo.getCollection("matches").find(new Document("_id", new Document("$in", ids))
                .append("activity", new Document("$exists", true))).forEach(d -> found.add(d.getString("_id")));
        return found;
    }
}
