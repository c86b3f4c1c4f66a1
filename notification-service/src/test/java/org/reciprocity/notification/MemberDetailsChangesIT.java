package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.member.MemberDetailsChanged;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.member.MemberSuspended;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.TopicProbe;

/**
 * Issue 16: a coordinator's change of a member's name, e-mail or language reaches the recipients
 * notification-service writes to (real broker and MongoDB). The newest version of the details wins
 * whatever order the events come in, and an event heard again changes nothing.
 */
class MemberDetailsChangesIT extends NotificationServiceIT {

    final String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    final String memberId = UUID.randomUUID().toString();
    final MemberRegistered lou = new MemberRegistered(UUID.randomUUID(), Instant.parse("2026-11-25T10:00:00Z"), timebank,
            memberId, MemberKind.NEIGHBOUR, "Lou", "lou@example.org", "en", null, "coordinator-1");

    @Test
    void aChangeOfDetailsIsWhatTheNextMessageUses() {
        send(lou);
        send(changed(1, "Louise", "louise@example.org", "fr"));

        await().atMost(Duration.ofSeconds(20)).until(() -> "Louise".equals(recipient().text("displayName")));
        ApiClient.Response now = recipient();
        assertThat(now.text("email")).isEqualTo("louise@example.org");
        assertThat(now.text("language")).isEqualTo("fr");
    }

    @Test
    void anOlderChangeOrARegistrationArrivingLateDoesNotOverwriteNewerDetails() {
        send(changed(2, "Louise", "louise@example.org", "fr"));
        send(changed(1, "Lou-Anne", "louanne@example.org", "en"));
        send(lou);
        heardEverythingSent();

        ApiClient.Response now = recipient();
        assertThat(now.text("displayName")).isEqualTo("Louise");
        assertThat(now.text("email")).isEqualTo("louise@example.org");
        assertThat(now.text("language")).isEqualTo("fr");
        assertThat(now.json().path("roles").size()).as("what only the registration says is still kept").isEqualTo(1);
        assertThat(stored().get("detailsVersion", Number.class).longValue()).isEqualTo(2);
    }

    @Test
    void aChangeHeardAgainChangesNothing() {
        send(lou);
        MemberDetailsChanged change = changed(1, "Louise", null, "fr");
        send(change);
        await().atMost(Duration.ofSeconds(20)).until(() -> "Louise".equals(recipient().text("displayName")));
        Document before = stored();

        send(change);
        send(lou);
        heardEverythingSent();

        Document after = stored();
        after.remove("suspended");
        before.remove("suspended");
        assertThat(after).isEqualTo(before);
        assertThat(after.getString("email")).as("a member without e-mail keeps none").isNull();
    }

    private MemberDetailsChanged changed(long version, String name, String email, String language) {
        return new MemberDetailsChanged(UUID.randomUUID(), Instant.parse("2026-11-26T10:00:00Z").plusSeconds(version),
                timebank, memberId, MemberKind.NEIGHBOUR, name, email, language, version, "coordinator-1");
    }

    /** The member's events share a partition: once a suspension sent last is applied, so is all before it. */
    private void heardEverythingSent() {
        send(new MemberSuspended(UUID.randomUUID(), Instant.now(), timebank, memberId, "coordinator-1", null));
        await().atMost(Duration.ofSeconds(20)).until(() -> recipient().status() == 200
                && recipient().json().path("suspended").asBoolean());
    }

    private void send(DomainEvent event) {
        TopicProbe.send(bootstrap, event);
    }

    private ApiClient.Response recipient() {
        return api.get("/api/v1/timebanks/" + timebank + "/recipients/" + memberId, token("c-1", timebank, "COORDINATOR"));
    }

    private Document stored() {
        return mongo.getCollection("recipients").find(new Document("_id", memberId)).first();
    }
}
