package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.invitation.MemberInvited;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.kit.messaging.MessagingConfiguration;
import org.reciprocity.testsupport.RefusingSmtp;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 18, end to end: a mail server that refuses the member's address quotes it in its reply
 * ("550 5.1.1 &lt;x@y&gt;: Recipient address rejected"). When the delivery fails for good, the address is
 * in none of the service's log, the stored delivery, or the NotificationFailed record on the topic.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailRefusalIT extends NotificationServiceIT {

    final Scenario scenario = new Scenario();
    final MemberRegistered sam = scenario.member("Sam", "en");
    final MemberRegistered ali = scenario.member("Ali", "en");

    RefusingSmtp refusing;

    @AfterEach
    void greenMailBack() throws Exception {
        if (refusing != null) {
            refusing.close();
        }
        // GreenMail does not reuse a port still closing: wait until it is free, as the next tests need it
        await().atMost(Duration.ofSeconds(90)).until(MailRefusalIT::portFree);
        TestSmtp.start();
    }

    private static boolean portFree() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(TestSmtp.PORT, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void aRefusedAddressIsInNoLogNoStoredDeliveryAndNoPublishedFailure(CapturedOutput output) throws Exception {
        known(scenario.opened("Europe/London"), sam, ali);
        TestSmtp.stop();
        refusing = new RefusingSmtp(TestSmtp.PORT);
        ContributionLogged logged = scenario.logged(sam, ali);

        TopicProbe.send(bootstrap, logged);

        String id = logged.eventId() + ":" + ali.memberId() + ":EMAIL";
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Document d = delivery(id);
            return d != null && "FAILED".equals(d.getString("status"));
        });
        Document failed = delivery(id);
        assertThat(failed.getString("lastError")).contains("SMTP 550 5.1.1").doesNotContain(ali.email());
        assertThat(failed.toJson()).doesNotContain(ali.email());

        List<ConsumerRecord<String, byte[]>> records = TopicProbe.readUntil(bootstrap, Topics.NOTIFICATIONS_TOPIC,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(id)
                        && "reciprocity.NotificationFailed.v1".equals(CloudEventHeaders.get(r.headers(), "ce_type")),
                Duration.ofSeconds(20));
        List<String> published = records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .filter(v -> v.contains(id)).toList();
        assertThat(published).anyMatch(v -> v.contains("SMTP 550 5.1.1")).noneMatch(v -> v.contains(ali.email()));

        assertThat(ours(output)).contains("failed (try 1): ", "SMTP 550 5.1.1").doesNotContain(ali.email());
    }

    @Test
    void aRefusedInvitationIsRetriedAndDeadLetteredWithoutTheAddressInTheLogOrTheReason(CapturedOutput output) throws Exception {
        known(scenario.opened("Europe/London"));
        TestSmtp.stop();
        refusing = new RefusingSmtp(TestSmtp.PORT);
        String email = "nour-" + scenario.timebank + "@example.org";
        MemberInvited invited = new MemberInvited(UUID.randomUUID(), Instant.now(), scenario.timebank, "nour-" + scenario.timebank,
                email, "en", "https://sign-in.example.org/welcome/refused-link", Instant.now().plusSeconds(3600));

        TopicProbe.send(bootstrap, invited);

        List<ConsumerRecord<String, byte[]>> dead = TopicProbe.readUntil(bootstrap, Topics.INVITATIONS_TOPIC + "-dlt",
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(invited.eventId().toString()), Duration.ofSeconds(60));
        ConsumerRecord<String, byte[]> record = dead.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(invited.eventId().toString())).findFirst().orElseThrow();
        String reason = new String(record.headers().lastHeader(MessagingConfiguration.DEAD_LETTER_REASON_HEADER).value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("could not send the invitation e-mail", "SMTP 550 5.1.1").doesNotContain(email);
        // Spring's own dead-letter headers (exception message, stack trace) say no more than that
        for (org.apache.kafka.common.header.Header header : record.headers()) {
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).as(header.key()).doesNotContain(email);
        }
        // a dead-lettered record is not logged by Spring's error handler; whatever is logged names no address
        assertThat(ours(output)).doesNotContain(email);
    }

    /**
     * What the services wrote to the log. The test's own mail server (GreenMail, which other tests in this
     * JVM run) logs each address it is sent to; that is the test's tooling, not a log of ours.
     */
    private static String ours(CapturedOutput output) {
        return output.getAll().lines().filter(line -> !line.contains("com.icegreen."))
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
