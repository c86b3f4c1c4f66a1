package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.member.MemberDetailsChanged;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.member.MemberSuspended;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.TopicProbe;

/**
 * Issues 16 and 18: a member's name, e-mail, language and roles reach the recipients notification-service
 * writes to from the member-details topic only (real broker and MongoDB). The newest version wins
 * whatever order the records come in, a record heard again changes nothing, the registration may come
 * before or after, and what an old member event still carries is not read.
 */
class MemberDetailsChangesIT extends NotificationServiceIT {

    final String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    final String memberId = UUID.randomUUID().toString();
    final MemberRegistered lou = new MemberRegistered(UUID.randomUUID(), Instant.parse("2026-11-25T10:00:00Z"), timebank,
            memberId, null, null, null, null, null, "coordinator-1");

    @Test
    void aChangeOfDetailsIsWhatTheNextMessageUses() {
        send(lou);
        send(recorded(1, "Lou", "lou@example.org", "en"));
        send(recorded(2, "Louise", "louise@example.org", "fr"));

        await().atMost(Duration.ofSeconds(20)).until(() -> "Louise".equals(recipient().text("displayName")));
        ApiClient.Response now = recipient();
        assertThat(now.text("email")).isEqualTo("louise@example.org");
        assertThat(now.text("language")).isEqualTo("fr");
    }

    @Test
    void anOlderRecordOrARegistrationArrivingLateDoesNotOverwriteNewerDetails() {
        send(recorded(2, "Louise", "louise@example.org", "fr"));
        send(recorded(1, "Lou-Anne", "louanne@example.org", "en"));
        send(lou);
        heardEverythingSent();
        await().atMost(Duration.ofSeconds(20)).until(() -> stored() != null && stored().get("registeredEventId") != null);

        ApiClient.Response now = recipient();
        assertThat(now.text("displayName")).isEqualTo("Louise");
        assertThat(now.text("email")).isEqualTo("louise@example.org");
        assertThat(now.text("language")).isEqualTo("fr");
        assertThat(now.json().path("roles").size()).as("the roles come with the details").isEqualTo(1);
        assertThat(stored().get("recordedVersion", Number.class).longValue()).isEqualTo(2);
    }

    @Test
    void aRecordHeardAgainChangesNothing() {
        send(lou);
        MemberDetailsRecorded record = recorded(1, "Louise", null, "fr");
        send(record);
        await().atMost(Duration.ofSeconds(20)).until(() -> "Louise".equals(recipient().text("displayName")));
        Document before = stored();

        send(record);
        heardEverythingSent();

        assertThat(stored()).isEqualTo(before);
        assertThat(stored().getString("email")).as("a member without e-mail keeps none").isNull();
    }

    @Test
    void whatAnOldMemberEventStillCarriesIsNotRead() {
        send(new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank, memberId, MemberKind.SERVICE_USER, "Old name",
                "old@example.org", "en", List.of("MEMBER"), "coordinator-1"));
        send(new MemberDetailsChanged(UUID.randomUUID(), Instant.now(), timebank, memberId, MemberKind.SERVICE_USER,
                "Older name", "older@example.org", "en", 5, "coordinator-1"));
        // the member's events share a partition: once a suspension sent last is applied, so is all before it
        send(new MemberSuspended(UUID.randomUUID(), Instant.now(), timebank, memberId, "coordinator-1", null));
        await().atMost(Duration.ofSeconds(20)).until(() -> stored() != null && Boolean.TRUE.equals(stored().get("suspended")));
        assertThat(stored().get("displayName")).as("no details yet: only the details topic gives them").isNull();

        send(recorded(1, "Louise", "louise@example.org", "fr"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "Louise".equals(recipient().text("displayName")));
        assertThat(stored().toJson()).doesNotContain("Old name").doesNotContain("old@example.org")
                .doesNotContain("Older name").doesNotContain("SERVICE_USER");
    }

    private MemberDetailsRecorded recorded(long version, String name, String email, String language) {
        return new MemberDetailsRecorded(UUID.randomUUID(), Instant.parse("2026-11-26T10:00:00Z").plusSeconds(version),
                timebank, memberId, version, name, email, language, List.of("MEMBER"),
                List.of(new MemberDetailsRecorded.KindSince(MemberKind.NEIGHBOUR, Instant.parse("2026-11-25T10:00:00Z"))),
                false);
    }

    /**
     * Records of one partition are heard in order: once the details of another member on the member's
     * partition are applied, so is every record of the member sent before them.
     */
    private void heardEverythingSent() {
        String probe;
        do {
            probe = UUID.randomUUID().toString();
        } while (partition(probe) != partition(memberId));
        String probeId = probe;
        send(Members.details(new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank, probeId,
                MemberKind.NEIGHBOUR, "Probe", null, "en", null, "coordinator-1")));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("recipients")
                .find(new Document("_id", probeId)).first() != null);
    }

    /** Kafka's default partitioner over the details topic's 6 partitions. */
    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 6;
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
