package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.TopicProbe;

import com.icegreen.greenmail.util.GreenMailUtil;

import tools.jackson.databind.JsonNode;

/**
 * The bar of the issue, end to end: events on the real broker (CloudEvents wire format), e-mail
 * through real SMTP to GreenMail, the inbox through the HTTP API.
 */
class ContributionNotificationsIT extends NotificationServiceIT {

    static final String PLEASE_CONFIRM = "Did Sam give you 1 hour and 30 minutes?";

    final Scenario scenario = new Scenario();
    final MemberRegistered sam = scenario.member("Sam", "en");
    final MemberRegistered ali = scenario.member("Ali", "en");

    @Test
    void aLoggedContributionSendsTheCounterpartOneEmailAndOneInboxItemEvenWhenTheEventComesThreeTimes() {
        known(scenario.opened("Europe/London"), sam, ali);
        ContributionLogged logged = scenario.logged(sam, ali);

        TopicProbe.send(bootstrap, logged);
        TopicProbe.send(bootstrap, logged);
        TopicProbe.send(bootstrap, logged);
        // a later event of the same contribution (same key, same partition): once it is delivered, so are the copies
        TopicProbe.send(bootstrap, scenario.reminder(logged));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestSmtp.receivedBy(ali.email(), "Did Sam give you 1 hour and 30 minutes? We still need your answer").size() == 1);
        List<MimeMessage> confirms = TestSmtp.receivedBy(ali.email(), PLEASE_CONFIRM);
        assertThat(confirms).hasSize(1);
        // issue 18: what the time was for stays on its page, even when an event still carries it
        assertThat(TestSmtp.textOf(confirms.get(0))).contains("Sam says they gave you 1 hour and 30 minutes on Tuesday 24 November.")
                .doesNotContain("Walk and talk");
        assertThat(header(confirms.get(0), "List-Unsubscribe")).contains("/api/v1/unsubscribe/");
        List<JsonNode> items = inboxItems(ali, "PLEASE_CONFIRM");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("title").asString()).isEqualTo(PLEASE_CONFIRM);
        Document email = delivery(logged.eventId() + ":" + ali.memberId() + ":EMAIL");
        assertThat(email.getString("status")).isEqualTo("SENT");
        assertThat(email.getInteger("attempts")).isEqualTo(1);
        assertThat(TopicProbe.readUntil(bootstrap, Topics.NOTIFICATIONS_TOPIC,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(email.getString("_id")), Duration.ofSeconds(20)))
                .anyMatch(r -> "reciprocity.NotificationDelivered.v1".equals(CloudEventHeaders.get(r.headers(), "ce_type"))
                        && ali.memberId().equals(r.key()));
    }

    @Test
    void validationThanksTheGiverAndSaysWhereToReadTheNoteWithoutQuotingIt() {
        known(scenario.opened("Europe/London"), sam, ali);
        ContributionLogged logged = scenario.logged(sam, ali);

        TopicProbe.send(bootstrap, scenario.validated(logged, "You made my week"));

        String thanked = "Ali thanked you for your time";
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSmtp.receivedBy(sam.email(), thanked).size() == 1);
        assertThat(GreenMailUtil.getBody(TestSmtp.receivedBy(sam.email(), thanked).get(0)))
                .contains("Ali confirmed the 1 hour and 30 minutes you gave.")
                .contains("you can read it on the page about this time")
                .doesNotContain("You made my week");
        assertThat(inboxItems(sam, "THANK_YOU")).singleElement()
                .satisfies(item -> assertThat(item.toString()).doesNotContain("You made my week"));
    }

    @Test
    void quietHoursHoldTheEmailUntilTheyEndButNotTheInboxItem() {
        MemberRegistered quinn = scenario.member("Quinn", "fr");
        known(scenario.opened("America/Montreal"), sam, quinn);
        await().atMost(Duration.ofSeconds(30)).until(() -> !TestSmtp.receivedBy(quinn.email()).isEmpty()); // the welcome
        ApiClient.Response set = put("/api/v1/timebanks/" + scenario.timebank + "/preferences",
                token(quinn.memberId(), scenario.timebank, "MEMBER"),
                Map.of("channels", Map.of(), "quietHours", Map.of("start", "22:00", "end", "07:00"), "digest", false));
        assertThat(set.status()).isEqualTo(200);
        clock.moveTo(Instant.parse("2026-11-27T04:00:00Z")); // 23:00 in Montreal
        ContributionLogged logged = scenario.logged(sam, quinn);

        TopicProbe.send(bootstrap, logged);

        String id = logged.eventId() + ":" + quinn.memberId() + ":EMAIL";
        await().atMost(Duration.ofSeconds(30)).until(() -> delivery(id) != null && "HELD".equals(delivery(id).getString("status")));
        assertThat(delivery(id).getDate("nextAttemptAt")).isEqualTo(Date.from(Instant.parse("2026-11-27T12:00:00Z")));
        assertThat(inboxItems(quinn, "PLEASE_CONFIRM")).hasSize(1);
        assertThat(TestSmtp.receivedBy(quinn.email(), "Avez-vous reçu 1 heure et 30 minutes de Sam\u00a0?")).isEmpty();

        clock.moveTo(Instant.parse("2026-11-27T12:00:01Z")); // 07:00 in Montreal

        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestSmtp.receivedBy(quinn.email(), "Avez-vous reçu 1 heure et 30 minutes de Sam\u00a0?").size() == 1);
        // the status moves to SENT once the mail server has answered, a moment after it holds the mail
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(delivery(id).getString("status")));
    }

    @Test
    void anSmtpOutageIsRetriedWithBackOffThenSucceedsWithoutDuplicates() {
        known(scenario.opened("Europe/London"), sam, ali);
        await().atMost(Duration.ofSeconds(30)).until(() -> !TestSmtp.receivedBy(ali.email()).isEmpty()); // the welcome
        ContributionLogged logged = scenario.logged(sam, ali);
        String id = logged.eventId() + ":" + ali.memberId() + ":EMAIL";
        TestSmtp.stop();

        TopicProbe.send(bootstrap, logged);

        // wait for a failed second try (RETRYING), not one in flight (SENDING): one in flight could still reach
        // the server started below, and then only two tries would have been made
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document d = delivery(id);
            return d != null && d.getInteger("attempts") >= 2 && "RETRYING".equals(d.getString("status"));
        });
        assertThat(delivery(id).getString("lastError")).isNotBlank();
        TestSmtp.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(delivery(id).getString("status")));
        assertThat(TestSmtp.receivedBy(ali.email(), PLEASE_CONFIRM)).hasSize(1);
        assertThat(delivery(id).getInteger("attempts")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anOutageThatOutlastsTheRetriesEndsInAVisibleFailureWithItsReason() {
        MemberRegistered coordinator = scenario.member("Cleo", "en", "COORDINATOR");
        known(scenario.opened("Europe/London"), sam, ali, coordinator);
        await().atMost(Duration.ofSeconds(30)).until(() -> !TestSmtp.receivedBy(ali.email()).isEmpty());
        ContributionLogged logged = scenario.logged(sam, ali);
        String id = logged.eventId() + ":" + ali.memberId() + ":EMAIL";
        TestSmtp.stop();

        TopicProbe.send(bootstrap, logged);

        await().atMost(Duration.ofSeconds(40)).until(() -> delivery(id) != null && "FAILED".equals(delivery(id).getString("status")));
        TestSmtp.start();
        ApiClient.Response failed = api.get("/api/v1/timebanks/" + scenario.timebank + "/deliveries?status=FAILED",
                token(coordinator.memberId(), scenario.timebank, "COORDINATOR"));
        assertThat(failed.status()).isEqualTo(200);
        JsonNode entry = failed.json().get(0);
        assertThat(entry.path("id").asString()).isEqualTo(id);
        assertThat(entry.path("attempts").asInt()).isEqualTo(5);
        assertThat(entry.path("lastError").asString()).containsIgnoringCase("connect");
        List<ConsumerRecord<String, byte[]>> audit = TopicProbe.readUntil(bootstrap, Topics.NOTIFICATIONS_TOPIC,
                r -> "reciprocity.NotificationFailed.v1".equals(CloudEventHeaders.get(r.headers(), "ce_type"))
                        && new String(r.value(), StandardCharsets.UTF_8).contains(id), Duration.ofSeconds(20));
        assertThat(audit).anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(id));
        ApiClient.Response notACoordinator = api.get("/api/v1/timebanks/" + scenario.timebank
                + "/deliveries?status=FAILED", token(ali.memberId(), scenario.timebank, "MEMBER"));
        assertThat(notACoordinator.status()).isEqualTo(403);
        assertThat(notACoordinator.text("code")).isEqualTo("not-permitted");
        assertThat(notACoordinator.json().path("params").path("action").asString()).isEqualTo("READ_DELIVERY_LOG");
        assertThat(TestSmtp.receivedBy(ali.email(), PLEASE_CONFIRM)).isEmpty();
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicWithItsReasonAndTheNextOnesAreStillDelivered() {
        known(scenario.opened("Europe/London"), sam, ali);
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, "reciprocity.ContributionLogged.v1");
        String poisonKey = "poison-" + UUID.randomUUID();
        TopicProbe.sendRaw(bootstrap, new ProducerRecord<>(Topics.CONTRIBUTIONS_TOPIC, null, poisonKey,
                "{\"minutes\": -1".getBytes(StandardCharsets.UTF_8), headers));
        ContributionLogged after = scenario.logged(sam, ali);
        TopicProbe.send(bootstrap, after);

        List<ConsumerRecord<String, byte[]>> dead = TopicProbe.readUntil(bootstrap, Topics.CONTRIBUTIONS_TOPIC + "-dlt",
                r -> poisonKey.equals(r.key()), Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> poison = dead.stream().filter(r -> poisonKey.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("the poison record never reached the dead-letter topic"));
        assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("{\"minutes\": -1");
        assertThat(CloudEventHeaders.get(poison.headers(), "reciprocity_dlt-reason"))
                .contains("not a valid reciprocity.ContributionLogged.v1 event");
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxItems(ali, "PLEASE_CONFIRM").size() == 1);
    }

    private List<JsonNode> inboxItems(MemberRegistered member, String kind) {
        ApiClient.Response inbox = api.get("/api/v1/timebanks/" + scenario.timebank + "/inbox",
                token(member.memberId(), scenario.timebank, "MEMBER"));
        assertThat(inbox.status()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(inbox.json().path("items").spliterator(), false).filter(i -> kind.equals(i.path("kind").asString())).toList();
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
