package org.reciprocity.ledger.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.ledger.LedgerFixture;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The ledger's half of the coordinator's queue, on the real store and broker: a dispute, a
 * contribution still unconfirmed after its first reminder, a member near the lowest balance,
 * each with the members' names; true counts beside a bounded list; only coordinators read it.
 */
@ServiceIntegrationTest
@Import(TestClock.Config.class)
@TestPropertySource(properties = TestClock.QUICK_OUTBOX_SCANS)
class CoordinatorQueueIT {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    List<ScheduledTaskHolder> schedulers;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aCoordinatorSeesDisputesContributionsWaitingPastAReminderAndBalancesNearALimitWithNames() {
        LedgerFixture given = new LedgerFixture(port);
        String sam = given.aMember("Sam");
        String ali = given.aMember("Ali");
        String kim = given.aMember("Kim");

        String disputed = given.logGiven(sam, ali, 120).text("id");
        assertThat(given.api.post(given.path("/contributions/" + disputed + "/dispute"), given.as(ali),
                Map.of("reason", "It was one hour")).status()).isEqualTo(200);
        // Ali received eight hours: two above the policy's lowest (-10 h), within its 2 h margin (with the two disputed hours pending, as far as the limit allows)
        String eightHours = given.logGiven(kim, ali, 480).text("id");
        assertThat(given.validate(eightHours, ali, "Thank you").status()).isEqualTo(200);
        ApiClient.Response logged = given.logGiven(sam, kim, 45);
        String waiting = logged.text("id");
        String fresh = given.logGiven(kim, sam, 30).text("id");

        JsonNode before = queue(given, given.coordinator(), 50);
        assertThat(ids(before.path("waitingPastReminder"))).as("nothing reminded yet").isEmpty();

        // the default policy's first reminder goes 7 days before the 14-day deadline
        Instant deadline = Instant.parse(logged.text("validationDeadline"));
        clock.moveTo(deadline.minus(Duration.ofDays(7)).plusSeconds(60));
        run("ContributionDeadlines.check");
        String later = given.logGiven(kim, sam, 15).text("id");

        JsonNode queue = queue(given, given.coordinator(), 50);

        assertThat(queue.path("disputes").path("count").asLong()).isEqualTo(1);
        JsonNode dispute = queue.path("disputes").path("items").get(0);
        assertThat(dispute.path("contributionId").asString()).isEqualTo(disputed);
        assertThat(dispute.path("giverName").asString()).isEqualTo("Sam");
        assertThat(dispute.path("receiverName").asString()).isEqualTo("Ali");
        assertThat(dispute.path("minutes").asLong()).isEqualTo(120);

        assertThat(ids(queue.path("waitingPastReminder"))).as("reminded, oldest first; not the one logged since")
                .containsExactly(waiting, fresh).doesNotContain(later);
        JsonNode reminded = queue.path("waitingPastReminder").path("items").get(0);
        assertThat(reminded.path("waitingOnId").asString()).as("Kim is asked to confirm").isEqualTo(kim);
        assertThat(reminded.path("remindersSent").asInt()).isEqualTo(1);

        assertThat(queue.path("balancesNearLimit").path("count").asLong()).isEqualTo(1);
        JsonNode low = queue.path("balancesNearLimit").path("items").get(0);
        assertThat(low.path("memberId").asString()).isEqualTo(ali);
        assertThat(low.path("name").asString()).isEqualTo("Ali");
        assertThat(low.path("balanceMinutes").asLong()).isEqualTo(-480);
        assertThat(low.path("limitMinutes").asLong()).isEqualTo(-600);
        assertThat(low.path("side").asString()).isEqualTo("LOW");

        JsonNode one = queue(given, given.admin(), 1);
        assertThat(one.path("waitingPastReminder").path("count").asLong()).as("the true count").isEqualTo(2);
        assertThat(ids(one.path("waitingPastReminder"))).as("at most the limit").containsExactly(waiting);
    }

    @Test
    void aMemberIsRefusedAndALimitOutOfRangeIsABadRequest() {
        LedgerFixture given = new LedgerFixture(port);
        String sam = given.aMember("Sam");

        assertThat(given.api.get(given.path("/coordinator/queue"), given.as(sam)).status()).isEqualTo(403);
        ApiClient.Response tooMany = given.api.get(given.path("/coordinator/queue?limit=5000"), given.coordinator());
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
        assertThat(given.api.get(given.path("/coordinator/queue?limit=0"), given.coordinator()).status()).isEqualTo(400);
    }

    private static JsonNode queue(LedgerFixture given, String token, int limit) {
        ApiClient.Response r = given.api.get(given.path("/coordinator/queue?limit=" + limit), token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> ids(JsonNode part) {
        List<String> ids = new ArrayList<>();
        part.path("items").forEach(i -> ids.add(i.path("contributionId").asString()));
        return ids;
    }

    private void run(String job) {
        List<ScheduledTask> tasks = new ArrayList<>();
        schedulers.forEach(s -> tasks.addAll(s.getScheduledTasks()));
        tasks.stream().filter(t -> {
            String full = t.getTask().getRunnable().toString();
            return full.endsWith(job);
        }).findFirst().orElseThrow().getTask().getRunnable().run();
    }
}
