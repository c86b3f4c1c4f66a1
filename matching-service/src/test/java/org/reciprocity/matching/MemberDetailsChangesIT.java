package org.reciprocity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.member.MemberDetailsChanged;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.member.MemberSuspended;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 16: a coordinator's change of a member's name, language or kind reaches matching's profiles
 * and so the directory, suggestions and the board (real broker and MongoDB). The newest version of
 * the details wins whatever order the events come in, and an event heard again changes nothing.
 */
@ServiceIntegrationTest
class MemberDetailsChangesIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    final String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    final String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    final String memberId = UUID.randomUUID().toString();
    final MemberRegistered sam = new MemberRegistered(UUID.randomUUID(), Instant.parse("2026-11-25T10:00:00Z"), timebank,
            memberId, MemberKind.SERVICE_USER, "Sam", null, "en", null, "coordinator-1");
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
    }

    @Test
    void aChangedNameIsWhatTheDirectoryFinds() {
        send(sam);
        send(changed(1, "Samira", MemberKind.CARER, "fr"));

        await().atMost(Duration.ofSeconds(20)).until(() -> "Samira".equals(profile().text("displayName")));
        assertThat(profile().text("kind")).isEqualTo("CARER");
        assertThat(stored().getString("language")).isEqualTo("fr");
        ApiClient.Response found = api.get("/api/v1/timebanks/" + timebank + "/directory?name=samira",
                SharedInfrastructure.get().tokens().token("member-2", timebank, "MEMBER"));
        assertThat(found.json().path(0).path("memberId").asString()).isEqualTo(memberId);
        assertThat(found.json().path(0).path("displayName").asString()).isEqualTo("Samira");
    }

    @Test
    void anOlderChangeOrARegistrationArrivingLateDoesNotOverwriteNewerDetails() {
        send(changed(2, "Samira", MemberKind.CARER, "fr"));
        send(changed(1, "Sammy", MemberKind.NEIGHBOUR, "en"));
        send(sam);
        heardEverythingSent();

        ApiClient.Response now = profile();
        assertThat(now.text("displayName")).isEqualTo("Samira");
        assertThat(now.text("kind")).isEqualTo("CARER");
        Document stored = stored();
        assertThat(stored.getString("language")).isEqualTo("fr");
        assertThat(stored.get("detailsVersion", Number.class).longValue()).isEqualTo(2);
        assertThat(now.text("registeredAt")).as("what only the registration says is still kept")
                .isEqualTo("2026-11-25T10:00:00Z");
    }

    @Test
    void aChangeDeliveredAgainChangesNothing() {
        send(sam);
        MemberDetailsChanged change = changed(1, "Samira", MemberKind.SERVICE_USER, "en");
        send(change);
        await().atMost(Duration.ofSeconds(20)).until(() -> "Samira".equals(profile().text("displayName")));
        Document before = stored();

        send(change);
        send(change);
        heardEverythingSent();

        Document after = stored();
        before.remove("suspended");
        after.remove("suspended");
        assertThat(after).isEqualTo(before);
        assertThat(mongo.getCollection("processed_events").countDocuments(new Document("eventId", change.eventId().toString())))
                .isEqualTo(1);
    }

    private MemberDetailsChanged changed(long version, String name, MemberKind kind, String language) {
        return new MemberDetailsChanged(UUID.randomUUID(), Instant.parse("2026-11-26T10:00:00Z").plusSeconds(version),
                timebank, memberId, kind, name, null, language, version, "coordinator-1");
    }

    /** The member's events share a partition: once a suspension sent last is applied, so is all before it. */
    private void heardEverythingSent() {
        send(new MemberSuspended(UUID.randomUUID(), Instant.now(), timebank, memberId, "coordinator-1", null));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document stored = stored();
            return stored != null && Boolean.TRUE.equals(stored.getBoolean("suspended"));
        });
    }

    private void send(DomainEvent event) {
        TopicProbe.send(bootstrap, event);
    }

    private ApiClient.Response profile() {
        return api.get("/api/v1/timebanks/" + timebank + "/profiles/" + memberId,
                SharedInfrastructure.get().tokens().token("coordinator-1", timebank, "COORDINATOR"));
    }

    private Document stored() {
        return mongo.getCollection("profiles").find(new Document("_id", memberId)).first();
    }
}
