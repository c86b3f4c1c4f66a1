package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.invitation.InvitationWithdrawn;
import org.reciprocity.contracts.invitation.MemberInvited;
import org.reciprocity.contracts.timebank.TimebankOpened;
import org.reciprocity.testsupport.TopicProbe;

import jakarta.mail.internet.MimeMessage;

/** Invitations from identity-service become e-mails in the person's language, once each, and the link is kept nowhere. */
class InvitationMailIT extends NotificationServiceIT {

    static final String SUBJECT_FR = "Venez rejoindre votre banque de temps";

    final Scenario scenario = new Scenario();

    @Test
    void aFrenchMemberIsInvitedInFrenchWithTheLinkAndWhenItStopsWorking() {
        TimebankOpened opened = scenario.opened("Europe/Paris");
        known(opened);
        MemberInvited invited = invitation("ines", "fr", "first-link-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                Instant.parse("2026-12-08T09:30:00Z"));

        TopicProbe.send(bootstrap, invited);

        await().atMost(Duration.ofSeconds(30)).until(() -> !TestSmtp.receivedBy(invited.email()).isEmpty());
        MimeMessage mail = TestSmtp.receivedBy(invited.email()).get(0);
        assertThat(TestSmtp.subjectOf(mail)).isEqualTo(SUBJECT_FR);
        assertThat(TestSmtp.textOf(mail))
                .startsWith("Bonjour. Vous êtes invité à rejoindre la banque de temps Riverside. Ouvrez ce lien pour choisir comment vous connecter\u00a0:")
                // the link on a line of its own, as the local platform's mailbox and mail programs find it
                .containsPattern("\\R" + java.util.regex.Pattern.quote(invited.welcomeLink()) + "\\R")
                // 10:30 in Paris
                .contains("Le lien marche une fois, jusqu’au mardi 8 décembre à 10h30.");
    }

    @Test
    void anInvitationDeliveredTwiceIsEmailedOnceAndItsLinkIsKeptNowhere() {
        known(scenario.opened("Europe/London"));
        MemberInvited invited = invitation("sam", "en", "twice-link-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                Instant.parse("2026-12-08T09:30:00Z"));
        // invited again later: a new event and a new link, on the same partition (same member), after the copy
        MemberInvited again = invitation("sam", "en", "again-link-cccccccccccccccccccccccccccccccccc",
                Instant.parse("2026-12-09T09:30:00Z"));

        TopicProbe.send(bootstrap, invited);
        TopicProbe.send(bootstrap, invited);
        // a withdrawal (identity's erasure) on the same partition, before the second invitation: no mail
        TopicProbe.send(bootstrap, new InvitationWithdrawn(UUID.randomUUID(), Instant.now(), scenario.timebank, "sam"));
        TopicProbe.send(bootstrap, again);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestSmtp.receivedBy(invited.email()).size() >= 2);
        List<MimeMessage> mails = TestSmtp.receivedBy(invited.email());
        assertThat(mails).hasSize(2);
        assertThat(TestSmtp.textOf(mails.get(0))).contains(invited.welcomeLink()).contains("until Tuesday 8 December at 09:30");
        assertThat(TestSmtp.textOf(mails.get(1))).contains(again.welcomeLink());
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                assertThat(document.toJson()).as(collection).doesNotContain("twice-link").doesNotContain("again-link");
            }
        }
        assertThat(inboxItems(scenario.timebank, "sam", "WELCOME")).isEmpty();
    }

    private MemberInvited invitation(String member, String language, String token, Instant expires) {
        return new MemberInvited(UUID.randomUUID(), Instant.now(), scenario.timebank, member,
                member + "-" + scenario.timebank + "@example.org", language, "https://sign-in.example.org/welcome/" + token, expires);
    }
}
