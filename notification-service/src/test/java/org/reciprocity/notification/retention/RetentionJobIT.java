package org.reciprocity.notification.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.timebank.RetentionPolicyChanged;
import org.reciprocity.kit.retention.Retention;
import org.reciprocity.notification.NotificationServiceIT;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The retention job of notification-service against the real store and broker: the timebank's policy
 * arrives as the ledger publishes it, the job run at a fixed time removes exactly the messages past it
 * and reports how many; two instances running it at once remove each message once and write one report.
 */
class RetentionJobIT extends NotificationServiceIT {

    private static final String TB = "retention-notification";
    private static final String SERVICE = "notification-service";

    @Autowired
    RetentionJob job;

    private final List<String> old = new ArrayList<>();
    private final List<String> young = new ArrayList<>();

    /** Messages kept 30 days in this timebank; the ones before are other tests' (default policy). */
    @BeforeEach
    void policyOfThirtyDays() {
        TopicProbe.send(bootstrap, new RetentionPolicyChanged(UUID.randomUUID(), Instant.now(), TB, 30, 365, 365, 90,
                730, "admin-1"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                mongo.getCollection("retention_policies").find(new Document("_id", TB)).first() != null);
    }

    @Test
    void removesExactlyTheMessagesPastTheTimebanksPeriodAndReportsHowMany() {
        Instant now = Instant.now().plus(Duration.ofDays(200)).truncatedTo(ChronoUnit.DAYS).plusSeconds(3 * 3600);
        messages(now);
        Set<String> othersBefore = others();

        clock.moveTo(now);
        job.daily();

        assertThat(present("inbox_items", old)).isEmpty();
        assertThat(present("deliveries", old)).isEmpty();
        assertThat(present("inbox_items", young)).containsExactlyInAnyOrderElementsOf(young);
        assertThat(present("deliveries", young)).containsExactlyInAnyOrderElementsOf(young);
        Set<String> othersGone = new HashSet<>(othersBefore);
        othersGone.removeAll(others());
        Document report = reportOf(now);
        assertThat(report.getList("removed", Document.class)).extracting(d -> d.getString("what"))
                .containsExactly("inbox-items", "deliveries");
        long removed = report.getList("removed", Document.class).stream()
                .mapToLong(d -> ((Number) d.get("removed")).longValue()).sum();
        assertThat(removed).isEqualTo(2L * old.size() + othersGone.size());

        ApiClient.Response reports = api.get("/api/v1/timebanks/" + TB + "/admin/retention/reports",
                token("admin-1", TB, "ADMIN"));
        assertThat(reports.status()).isEqualTo(200);
        assertThat(reports.json().path("reports").get(0).path("removed").path("inbox-items").asLong())
                .isGreaterThanOrEqualTo(old.size());
        assertThat(api.get("/api/v1/timebanks/" + TB + "/admin/retention/reports",
                token("member-1", TB, "MEMBER", "COORDINATOR")).status()).isEqualTo(403);
    }

    @Test
    void twoInstancesAtOnceRemoveEachMessageOnceAndWriteOneReport() throws Exception {
        Instant now = Instant.now().plus(Duration.ofDays(300)).truncatedTo(ChronoUnit.DAYS).plusSeconds(3 * 3600);
        messages(now);
        clock.moveTo(now);
        Retention first = new Retention(mongo, SERVICE);
        Retention second = new Retention(mongo, SERVICE);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> runAfter(start, first, now));
        CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> runAfter(start, second, now));
        start.countDown();

        assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
        assertThat(present("inbox_items", old)).isEmpty();
        assertThat(present("deliveries", old)).isEmpty();
        assertThat(present("inbox_items", young)).hasSize(young.size());
        assertThat(mongo.getCollection(Retention.REPORTS).countDocuments(new Document("_id",
                SERVICE + "/" + now.atZone(java.time.ZoneOffset.UTC).toLocalDate()))).isEqualTo(1);
        // and a third run that day, the scheduler's, finds the day taken
        job.daily();
        assertThat(mongo.getCollection(Retention.REPORTS).countDocuments(new Document("service", SERVICE)
                .append("startedAt", Date.from(now)))).isEqualTo(1);
    }

    private static boolean runAfter(CountDownLatch start, Retention retention, Instant now) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return retention.run(List.of(NotificationRetention.values()), now).isPresent();
    }

    /** Five messages older than 30 days at {@code now}, five younger, each in the inbox and the delivery log. */
    private void messages(Instant now) {
        old.clear();
        young.clear();
        for (int i = 0; i < 10; i++) {
            String id = UUID.randomUUID().toString();
            Instant at = now.minus(Duration.ofDays(i < 5 ? 31 + i : 29 - i));
            (i < 5 ? old : young).add(id);
            Document doc = new Document("_id", id).append("timebankId", TB).append("memberId", "member-" + i)
                    .append("kind", "THANK_YOU").append("params", new Document("note", "Thank you")).append("occurredAt",
                            Date.from(at));
            mongo.getCollection("inbox_items").insertOne(new Document(doc));
            mongo.getCollection("deliveries").insertOne(doc.append("status", "SENT").append("channel", "EMAIL")
                    .append("sentAt", Date.from(at.plusSeconds(60))));
        }
    }

    private Set<String> others() {
        Set<String> ids = new HashSet<>();
        for (String c : List.of("inbox_items", "deliveries")) {
            mongo.getCollection(c).find(new Document("timebankId", new Document("$ne", TB)))
                    .forEach(d -> ids.add(c + "/" + d.get("_id")));
        }
        return ids;
    }

    private List<String> present(String collection, List<String> ids) {
        List<String> found = new ArrayList<>();
        mongo.getCollection(collection).find(new Document("_id", new Document("$in", ids)))
                .forEach(d -> found.add(d.getString("_id")));
        return found;
    }

    private Document reportOf(Instant now) {
        return mongo.getCollection(Retention.REPORTS).find(new Document("_id",
                SERVICE + "/" + now.atZone(java.time.ZoneOffset.UTC).toLocalDate())).first();
    }
}
