package org.reciprocity.ledger.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.ledger.LedgerFixture;
import org.reciprocity.testsupport.TestClock;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Time passes against the real store (mongo-java-server over the wire) and the real broker: a
 * contribution nobody confirms gets its reminders, its last call, then expires, and the minutes it
 * held are given back. The deadline check is called the way {@code @Scheduled} calls it.
 */
@ServiceIntegrationTest
@Import(TestClock.Config.class)
@TestPropertySource(properties = TestClock.QUICK_OUTBOX_SCANS)
class ContributionDeadlinesIT {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    ContributionDeadlines deadlines;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void anUnconfirmedContributionIsRemindedTwiceGetsALastCallThenExpiresAndItsMinutesAreGivenBack() {
        LedgerFixture given = new LedgerFixture(port);
        String sam = given.aMember("Sam");
        String ali = given.aMember("Ali");
        ApiClient.Response logged = given.logGiven(sam, ali, 30);
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        String id = logged.text("id");
        Instant deadline = Instant.parse(logged.text("validationDeadline"));
        assertThat(pending(given, sam, "creditsPending")).isEqualTo(30);
        assertThat(pending(given, ali, "debitsPending")).isEqualTo(30);

        deadlines.check();
        assertThat(reminders(id)).as("nothing is due yet").isEmpty();

        // the default policy: reminders 7 days, 2 days and 1 day (the last call) before the deadline
        at(deadline.minus(Duration.ofDays(7)).plusSeconds(60));
        at(deadline.minus(Duration.ofDays(2)).plusSeconds(60));
        at(deadline.minus(Duration.ofDays(1)).plusSeconds(60));
        List<JsonNode> reminders = awaitReminders(id, 3);
        assertThat(reminders).extracting(r -> r.path("reminderNumber").asInt()).containsExactly(1, 2, 3);
        assertThat(reminders).extracting(r -> r.path("lastCall").asBoolean()).containsExactly(false, false, true);
        assertThat(reminders).extracting(r -> r.path("remindAccountId").asString()).containsOnly(ali);
        assertThat(state(given, id)).isEqualTo("LOGGED");

        at(deadline.plusSeconds(60));

        assertThat(state(given, id)).isEqualTo("EXPIRED");
        assertThat(pending(given, sam, "creditsPending")).as("Sam's reservation is given back").isZero();
        assertThat(pending(given, ali, "debitsPending")).as("Ali's reservation is given back").isZero();
        assertThat(given.balance(sam)).isZero();
        assertThat(given.balance(ali)).isZero();
        assertThat(read(id, "reciprocity.ContributionExpired.v1")).isNotNull();
        ApiClient.Response late = given.validate(id, ali, "Sorry, I was away");
        assertThat(late.status()).as("confirming it now is refused, and says why").isEqualTo(422);
        assertThat(late.text("code")).isEqualTo("not-open");
        assertThat(late.json().path("params").path("state").asString()).isEqualTo("EXPIRED");
        at(deadline.plus(Duration.ofDays(1)));
        assertThat(reminders(id)).as("nothing more after expiry").hasSize(3);
    }

    private void at(Instant when) {
        clock.moveTo(when);
        deadlines.check();
    }

    private static String state(LedgerFixture given, String id) {
        return given.api.get(given.path("/contributions/" + id), given.admin()).text("state");
    }

    private static long pending(LedgerFixture given, String accountId, String field) {
        return given.api.get(given.path("/accounts/" + accountId), given.admin()).json().path(field).asLong();
    }

    private static List<JsonNode> awaitReminders(String id, int count) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<JsonNode> seen = reminders(id);
        while (seen.size() < count && System.nanoTime() < until) {
            seen = reminders(id);
        }
        return seen;
    }

    private static List<JsonNode> reminders(String id) {
        return TopicProbe.readAll(SharedInfrastructure.get().kafkaBootstrapServers(), Topics.CONTRIBUTIONS_TOPIC,
                        Duration.ofSeconds(2)).stream()
                .filter(r -> id.equals(r.key()))
                .filter(r -> "reciprocity.ValidationReminderDue.v1".equals(CloudEventHeaders.get(r.headers(), "ce_type")))
                .map(ContributionDeadlinesIT::json)
                // the outbox publishes at least once: a reminder read twice is the same event
                .filter(distinctBy(new java.util.HashSet<>())).toList();
    }

    private static java.util.function.Predicate<JsonNode> distinctBy(java.util.Set<String> seen) {
        return event -> seen.add(event.path("eventId").asString());
    }

    private static JsonNode read(String id, String type) {
        List<ConsumerRecord<String, byte[]>> seen = TopicProbe.readUntil(SharedInfrastructure.get().kafkaBootstrapServers(),
                Topics.CONTRIBUTIONS_TOPIC, r -> id.equals(r.key()) && type.equals(CloudEventHeaders.get(r.headers(), "ce_type")),
                Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> last = seen.isEmpty() ? null : seen.get(seen.size() - 1);
        return last != null && id.equals(last.key()) && type.equals(CloudEventHeaders.get(last.headers(), "ce_type"))
                ? json(last) : null;
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> r) {
        return JsonMapper.builder().build().readTree(r.value());
    }
}
