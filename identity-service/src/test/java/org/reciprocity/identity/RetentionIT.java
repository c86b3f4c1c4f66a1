package org.reciprocity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.retention.IdentityRetention;
import org.reciprocity.identity.retention.RetentionJob;
import org.reciprocity.kit.retention.Retention;
import org.reciprocity.kit.retention.RetentionReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 18: identity's retention job against the real store (mongo-java-server over TCP) removes
 * exactly the sign-in links and welcome tokens expired at the time it runs, and reports how many; two
 * instances running it at once remove each once and write one report; only a timebank's admin reads
 * the reports.
 */
class RetentionIT extends IdentityServiceIT {

    @Autowired
    RetentionJob job;

    @Autowired
    MongoTemplate mongo;

    @Test
    void removesExactlyTheExpiredLinksAndTokensAndReportsHowMany() throws Exception {
        Instant now = Instant.now().plus(Duration.ofDays(500)).truncatedTo(ChronoUnit.DAYS).plusSeconds(3 * 3600);
        List<String> expired = new ArrayList<>();
        List<String> live = new ArrayList<>();
        tokens(now, expired, live);
        Set<String> othersBefore = others(expired, live);

        RetentionReport report = job.runAt(now).orElseThrow();

        for (String c : List.of("sign_in_links", "welcome_tokens")) {
            assertThat(present(c, expired)).as(c).isEmpty();
            assertThat(present(c, live)).as(c).containsExactlyInAnyOrderElementsOf(live);
        }
        Set<String> othersGone = new HashSet<>(othersBefore);
        othersGone.removeAll(others(expired, live));
        assertThat(report.removed().keySet()).containsExactly("sign-in-links", "welcome-tokens");
        assertThat(report.removed().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(2L * expired.size() + othersGone.size());

        Account admin = aMemberWithPassword("a long enough secret", "ADMIN");
        String path = "/api/v1/timebanks/" + admin.timebankId() + "/admin/retention/reports";
        HttpResponse<String> reports = api(path, localToken(admin.memberId(), admin.timebankId(), "ADMIN"));
        assertThat(reports.statusCode()).as(reports.body()).isEqualTo(200);
        assertThat(reports.body()).contains("\"sign-in-links\"");
        assertThat(api(path, localToken("noor", admin.timebankId(), "COORDINATOR")).statusCode()).isEqualTo(403);
        assertThat(api(path, localToken("x", "tb-other", "ADMIN")).statusCode()).isEqualTo(403);
    }

    @Test
    void twoInstancesAtOnceRemoveEachTokenOnceAndWriteOneReport() throws Exception {
        Instant now = Instant.now().plus(Duration.ofDays(600)).truncatedTo(ChronoUnit.DAYS).plusSeconds(3 * 3600);
        List<String> expired = new ArrayList<>();
        List<String> live = new ArrayList<>();
        tokens(now, expired, live);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> runs = List.of(
                CompletableFuture.supplyAsync(() -> runAfter(start, new Retention(mongo, "identity-service"), now)),
                CompletableFuture.supplyAsync(() -> runAfter(start, new Retention(mongo, "identity-service"), now)));
        start.countDown();

        assertThat(List.of(runs.get(0).get(), runs.get(1).get())).containsExactlyInAnyOrder(true, false);
        assertThat(present("sign_in_links", expired)).isEmpty();
        assertThat(present("welcome_tokens", live)).hasSameSizeAs(live);
        assertThat(job.runAt(now)).as("the scheduler's run that day finds the day taken").isEmpty();
        assertThat(mongo.getCollection(Retention.REPORTS).countDocuments(new Document("_id",
                "identity-service/" + now.atZone(ZoneOffset.UTC).toLocalDate()))).isEqualTo(1);
    }

    private static boolean runAfter(CountDownLatch start, Retention retention, Instant now) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return retention.run(List.of(IdentityRetention.values()), now).isPresent();
    }

    /** Links and tokens expiring from 3 minutes before {@code now} to 3 minutes after; one exactly at now (expired). */
    private void tokens(Instant now, List<String> expired, List<String> live) {
        for (int minutes = -3; minutes <= 3; minutes++) {
            String id = "retention-" + UUID.randomUUID();
            (minutes <= 0 ? expired : live).add(id);
            Date expiresAt = Date.from(now.plus(Duration.ofMinutes(minutes)));
            mongo.getCollection("sign_in_links").insertOne(new Document("_id", id).append("username", id + "@example.org")
                    .append("expiresAt", expiresAt));
            mongo.getCollection("welcome_tokens").insertOne(new Document("_id", id).append("accountId", "tb/" + id)
                    .append("expiresAt", expiresAt));
        }
    }

    private Set<String> others(List<String> expired, List<String> live) {
        Set<String> ids = new HashSet<>();
        for (String c : List.of("sign_in_links", "welcome_tokens")) {
            mongo.getCollection(c).find().forEach(d -> {
                String id = d.getString("_id");
                if (!expired.contains(id) && !live.contains(id)) {
                    ids.add(c + "/" + id);
                }
            });
        }
        return ids;
    }

    private List<String> present(String collection, List<String> ids) {
        List<String> found = new ArrayList<>();
        mongo.getCollection(collection).find(new Document("_id", new Document("$in", ids)))
                .forEach(d -> found.add(d.getString("_id")));
        return found;
    }

    private String localToken(String member, String timebank, String roles) {
        HttpResponse<String> token = browser().postForm("/local/token", Map.of("member", member, "timebank", timebank,
                "roles", roles));
        assertThat(token.statusCode()).isEqualTo(200);
        return token.body();
    }

    private HttpResponse<String> api(String path, String token) {
        Browser browser = browser();
        return browser.send(HttpRequest.newBuilder(URI.create(browser.base + path))
                .header("Authorization", "Bearer " + token).GET().build());
    }
}
