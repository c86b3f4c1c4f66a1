package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.consent.Consent;
import org.reciprocity.contracts.consent.ConsentGiven;
import org.reciprocity.contracts.consent.ConsentHow;
import org.reciprocity.contracts.consent.ConsentWithdrawn;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.TopicProbe;

/**
 * Issue 18 (real broker, MongoDB and SMTP): a member who withdrew their consent EMAIL_ME gets no
 * e-mail, whatever their channel choices say, and still finds the message in their inbox; giving it
 * again brings e-mail back. An older answer heard late changes nothing.
 */
class EmailConsentIT extends NotificationServiceIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    final Scenario scenario = new Scenario();
    final MemberRegistered sam = scenario.member("Sam", "en");
    final MemberRegistered ali = scenario.member("Ali", "en");

    @Test
    void whileEmailConsentIsWithdrawnMessagesGoToTheInboxOnly() {
        known(scenario.opened("Europe/London"), sam, ali);
        heard(new ConsentWithdrawn(UUID.randomUUID(), Instant.now(), scenario.timebank, ali.memberId(), Consent.EMAIL_ME,
                ConsentHow.PAGE, ali.memberId(), 2));
        heard(new ConsentGiven(UUID.randomUUID(), Instant.now().minusSeconds(60), scenario.timebank, ali.memberId(),
                Consent.EMAIL_ME, ConsentHow.PAGE, ali.memberId(), 1));

        ContributionLogged withdrawn = scenario.logged(sam, ali);
        TopicProbe.send(bootstrap, withdrawn);
        await().atMost(WAIT).until(() -> !inboxItems(scenario.timebank, ali.memberId(), "PLEASE_CONFIRM").isEmpty());
        assertThat(delivery(withdrawn.eventId() + ":" + ali.memberId() + ":EMAIL")).as("no e-mail delivery at all").isNull();

        heard(new ConsentGiven(UUID.randomUUID(), Instant.now(), scenario.timebank, ali.memberId(), Consent.EMAIL_ME,
                ConsentHow.PAGE, ali.memberId(), 3));
        ContributionLogged given = scenario.logged(sam, ali);
        TopicProbe.send(bootstrap, given);
        await().atMost(WAIT).until(() -> delivery(given.eventId() + ":" + ali.memberId() + ":EMAIL") != null);
        assertThat(TestSmtp.receivedBy(ali.email(), "Please confirm your time with Sam")).as("only the second one")
                .hasSizeLessThanOrEqualTo(1);
    }

    /** Sends a consent event and waits until notification applied it (or, for an older one, passed over it). */
    private void heard(DomainEvent event) {
        TopicProbe.send(bootstrap, event);
        await().atMost(WAIT).until(() -> mongo.getCollection("processed_events")
                .find(new Document("_id", "notification.consents:" + event.eventId())).first() != null);
    }
}
