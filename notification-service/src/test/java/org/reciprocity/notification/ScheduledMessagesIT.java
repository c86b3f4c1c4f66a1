package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.notification.schedule.ScheduledMessages;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly statement and the coordinators' daily digest, end to end: ledger and contribution
 * events on the real broker feed the read models, the clock is moved to the local time they are
 * due, and the scheduled check is called the way @Scheduled calls it (twice: a second instance,
 * or a restart).
 */
class ScheduledMessagesIT extends NotificationServiceIT {

    static final String OCTOBER_EN = "Your time in October 2026";
    static final String OCTOBER_FR = "Votre temps en octobre 2026";
    static final String QUEUE = "What is waiting for you today";

    @Autowired
    ScheduledMessages schedules;

    final Scenario scenario = new Scenario();

    @Test
    void onTheFirstOfTheMonthEachMemberWithActivityGetsOneStatementOfLastMonth() {
        MemberRegistered sam = scenario.member("Sam", "en");
        MemberRegistered ali = scenario.member("Ali", "fr");
        MemberRegistered noor = scenario.member("Noor", "en");
        known(scenario.opened("Europe/Paris"), sam, ali, noor);
        TransferPosted first = scenario.transfer(1, Instant.parse("2026-10-05T10:00:00Z"), ali, sam, 90, -90, 90);
        TransferPosted second = scenario.transfer(2, Instant.parse("2026-10-20T10:00:00Z"), ali, sam, 60, -150, 150);
        // 1 November 00:30 in Paris: November's, not October's
        TransferPosted third = scenario.transfer(3, Instant.parse("2026-10-31T23:30:00Z"), ali, sam, 30, -180, 180);
        for (TransferPosted transfer : List.of(first, second, second, third)) { // the second one delivered twice
            TopicProbe.send(bootstrap, transfer);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sequenceOf("2026-11:" + sam.memberId()) == 3);

        clock.moveTo(Instant.parse("2026-11-01T07:59:00Z")); // 08:59 in Paris, statements go out at 09:00
        schedules.sendDue();
        assertThat(delivery(statementKey(sam))).isNull();

        clock.moveTo(Instant.parse("2026-11-01T08:00:30Z"));
        schedules.sendDue();
        schedules.sendDue();

        await().atMost(Duration.ofSeconds(30)).until(() -> TestSmtp.receivedBy(sam.email(), OCTOBER_EN).size() == 1
                && TestSmtp.receivedBy(ali.email(), OCTOBER_FR).size() == 1);
        assertThat(body(TestSmtp.receivedBy(sam.email(), OCTOBER_EN).get(0)))
                .contains("In October 2026, you gave 2 hours and 30 minutes and received 0 minutes.")
                .contains("2 times together were confirmed.")
                .contains("At the end of the month, you had 2 hours and 30 minutes in your time account.");
        assertThat(body(TestSmtp.receivedBy(ali.email(), OCTOBER_FR).get(0)))
                .contains("vous avez donné 0 minute et reçu 2 heures et 30 minutes.")
                .contains("vous étiez à 2 heures et 30 minutes sous zéro.");
        assertThat(inboxItems(scenario.timebank, sam.memberId(), "MONTHLY_STATEMENT")).singleElement()
                .satisfies(item -> assertThat(item.path("title").asString()).isEqualTo(OCTOBER_EN));
        assertThat(delivery(statementKey(sam)).getString("status")).isEqualTo("SENT");
        assertThat(delivery(statementKey(noor))).isNull();
        assertThat(inboxItems(scenario.timebank, noor.memberId(), "MONTHLY_STATEMENT")).isEmpty();

        // an instance that stopped before recording the run does it all again: the delivery keys keep it to one
        mongo.getCollection("processed_events").deleteMany(new Document("_id", "notification.schedules:statement:" + scenario.timebank + ":2026-10"));
        schedules.sendDue();

        assertThat(mongo.getCollection("deliveries").countDocuments(new Document("recipientId", sam.memberId())
                .append("kind", "MONTHLY_STATEMENT"))).isEqualTo(1);
        assertThat(inboxItems(scenario.timebank, sam.memberId(), "MONTHLY_STATEMENT")).hasSize(1);
    }

    @Test
    void everyDayEachCoordinatorGetsOneDigestOfTheirQueue() {
        MemberRegistered cleo = scenario.member("Cleo", "en", "COORDINATOR");
        MemberRegistered sam = scenario.member("Sam", "en");
        MemberRegistered ali = scenario.member("Ali", "en");
        MemberRegistered kim = scenario.member("Kim", "en");
        known(scenario.opened("America/Montreal"), cleo, sam, ali, kim);
        Instant morning = Instant.parse("2026-11-26T13:30:00Z"); // 08:30 in Montreal, digests go out at 08:00
        ContributionLogged waitingLong = scenario.loggedAt(sam, ali, morning.minus(Duration.ofDays(5)));
        ContributionLogged recent = scenario.loggedAt(ali, sam, morning.minus(Duration.ofDays(1)));
        ContributionLogged validated = scenario.loggedAt(kim, sam, morning.minus(Duration.ofDays(6)));
        ContributionLogged disputed = scenario.loggedAt(kim, ali, morning.minus(Duration.ofDays(4)));
        for (ContributionLogged logged : List.of(waitingLong, recent, validated, disputed)) {
            TopicProbe.send(bootstrap, logged);
        }
        TopicProbe.send(bootstrap, scenario.validated(validated, null));
        TopicProbe.send(bootstrap, scenario.disputed(disputed, morning.minus(Duration.ofDays(2))));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(stateOf(validated))
                && "DISPUTED".equals(stateOf(disputed)) && "WAITING".equals(stateOf(recent)));

        clock.moveTo(morning.minus(Duration.ofMinutes(31))); // 07:59
        schedules.sendDue();
        assertThat(delivery(queueKey(cleo))).isNull();

        clock.moveTo(morning);
        schedules.sendDue();
        schedules.sendDue();

        await().atMost(Duration.ofSeconds(30)).until(() -> TestSmtp.receivedBy(cleo.email(), QUEUE).size() == 1);
        assertThat(body(TestSmtp.receivedBy(cleo.email(), QUEUE).get(0)))
                .contains("1 time is waiting for a check. 1 question about time is open.")
                .contains("A question since Tuesday 24 November: 1 hour and 30 minutes from Kim to Ali.")
                .contains("Waiting since Saturday 21 November: 1 hour and 30 minutes from Sam to Ali.")
                .doesNotContain("from Ali to Sam")
                .doesNotContain("from Kim to Sam");
        assertThat(inboxItems(scenario.timebank, cleo.memberId(), "QUEUE_DIGEST")).hasSize(1);
        assertThat(delivery(queueKey(cleo)).getString("status")).isEqualTo("SENT");
    }

    @Test
    void aCoordinatorWhoseQueueIsEmptyGetsNoDigest() {
        MemberRegistered cleo = scenario.member("Cleo", "en", "COORDINATOR");
        MemberRegistered sam = scenario.member("Sam", "en");
        MemberRegistered ali = scenario.member("Ali", "en");
        known(scenario.opened("America/Montreal"), cleo, sam, ali);
        Instant morning = Instant.parse("2026-11-26T13:30:00Z");
        ContributionLogged recent = scenario.loggedAt(sam, ali, morning.minus(Duration.ofDays(1)));
        TopicProbe.send(bootstrap, recent);
        await().atMost(Duration.ofSeconds(30)).until(() -> "WAITING".equals(stateOf(recent)));

        clock.moveTo(morning);
        schedules.sendDue();

        assertThat(mongo.getCollection("processed_events")
                .find(new Document("_id", "notification.schedules:queue:" + scenario.timebank + ":2026-11-26")).first())
                .as("the day was checked").isNotNull();
        assertThat(delivery(queueKey(cleo))).isNull();
        assertThat(inboxItems(scenario.timebank, cleo.memberId(), "QUEUE_DIGEST")).isEmpty();
    }

    private String statementKey(MemberRegistered member) {
        return "statement:2026-10:" + member.memberId() + ":EMAIL";
    }

    private String queueKey(MemberRegistered coordinator) {
        return "queue:2026-11-26:" + coordinator.memberId() + ":EMAIL";
    }

    private long sequenceOf(String id) {
        Document month = mongo.getCollection("monthly_activity").find(new Document("_id", id)).first();
        return month == null ? 0 : month.get("lastSequence", Number.class).longValue();
    }

    private String stateOf(ContributionLogged logged) {
        Document found = mongo.getCollection("queue_contributions").find(new Document("_id", logged.timebankId() + "/" + logged.contributionId())).first();
        return found == null ? null : found.getString("state");
    }

    private static String body(MimeMessage message) {
        return TestSmtp.textOf(message);
    }
}
