package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.ApiClient;

/**
 * notification-service learns who it can reach from the ledger's member events on the real broker;
 * how to reach a member (their e-mail address) is for them and those who follow up on failed messages.
 */
class RecipientsIT extends NotificationServiceIT {

    final String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    final MemberRegistered lou = new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank,
            UUID.randomUUID().toString(), MemberKind.NEIGHBOUR, "Lou", "lou@example.org", "fr", null, "coordinator-1");
    final String path = "/api/v1/timebanks/" + timebank + "/recipients/" + lou.memberId();

    @Test
    void aRegisteredMemberBecomesARecipientVisibleToCoordinators() {
        String coordinator = token("c-1", timebank, "COORDINATOR");

        known(lou);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(path, coordinator).status() == 200);
        ApiClient.Response recipient = api.get(path, coordinator);
        assertThat(recipient.text("email")).isEqualTo("lou@example.org");
        assertThat(recipient.text("language")).isEqualTo("fr");
        assertThat(api.get(path, token("a-1", timebank, "ADMIN")).status()).isEqualTo(200);
    }

    @Test
    void aMemberSeesHowTheyAreReachedAndNobodyElsesAddress() {
        known(lou);
        String herself = token(lou.memberId(), timebank, "MEMBER");

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(path, herself).status() == 200);
        ApiClient.Response anotherMember = api.get(path, token("m-1", timebank, "MEMBER"));
        ApiClient.Response aReviewer = api.get(path, token("s-1", timebank, "STAFF"));

        assertThat(api.get(path, herself).text("email")).isEqualTo("lou@example.org");
        assertThat(anotherMember.status()).isEqualTo(403);
        assertThat(anotherMember.text("code")).isEqualTo("not-permitted");
        assertThat(anotherMember.json().path("params").path("action").asString()).isEqualTo("READ_RECIPIENT");
        assertThat(anotherMember.body()).doesNotContain("lou@example.org");
        assertThat(aReviewer.status()).isEqualTo(403);
        assertThat(aReviewer.text("code")).isEqualTo("not-permitted");
    }

    @Test
    void aMemberNotKnownYetIsANotFoundWithItsCode() {
        ApiClient.Response unknown = api.get("/api/v1/timebanks/" + timebank + "/recipients/nobody-yet",
                token("c-1", timebank, "COORDINATOR"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("not-known-yet");
        assertThat(unknown.json().path("params").path("memberId").asString()).isEqualTo("nobody-yet");
    }
}
