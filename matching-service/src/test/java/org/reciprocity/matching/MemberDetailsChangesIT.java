package org.reciprocity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issues 16 and 18: a member's name, language and kind reach matching's profiles (and so the
 * directory, suggestions and the board) only from the details topic, real broker and MongoDB. The
 * registration on the members topic carries ids only. The newest version of the details wins
 * whatever order the records and the registration come in, and a record heard again changes nothing.
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
    /** The registration as the ledger publishes it since issue 18: no kind, name, e-mail or language. */
    final MemberRegistered sam = new MemberRegistered(UUID.randomUUID(), Instant.parse("2026-11-25T10:00:00Z"), timebank,
            memberId, null, null, null, null, null, "coordinator-1");
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
    }

    @Test
    void aChangedNameIsWhatTheDirectoryFinds() {
        send(sam);
        send(details(1, "Sam", MemberKind.SERVICE_USER, "en"));
        send(details(2, "Samira", MemberKind.CARER, "fr"));

        await().atMost(Duration.ofSeconds(20)).until(() -> "Samira".equals(profile().text("displayName")));
        assertThat(profile().text("kind")).isEqualTo("CARER");
        assertThat(stored().getString("language")).isEqualTo("fr");
        ApiClient.Response found = api.get("/api/v1/timebanks/" + timebank + "/directory?name=samira",
                SharedInfrastructure.get().tokens().token("member-2", timebank, "MEMBER"));
        assertThat(found.json().path(0).path("memberId").asString()).isEqualTo(memberId);
        assertThat(found.json().path(0).path("displayName").asString()).isEqualTo("Samira");
    }

    @Test
    void aRegisteredMemberWithoutDetailsYetHasNoNameAndIsNotFoundUntilTheDetailsCome() {
        send(sam);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored() != null && stored().get("registeredAt") != null);

        assertThat(stored().getString("displayName")).isNull();
        assertThat(profile().status()).as("not a member to show before their details").isEqualTo(404);
        ApiClient.Response directory = api.get("/api/v1/timebanks/" + timebank + "/directory?name=sam",
                SharedInfrastructure.get().tokens().token("member-2", timebank, "MEMBER"));
        assertThat(directory.status()).isEqualTo(200);
        assertThat(directory.json().size()).isZero();

        send(details(1, "Sam", MemberKind.SERVICE_USER, "en"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "Sam".equals(profile().text("displayName")));
    }

    @Test
    void anOlderRecordOrARegistrationArrivingLateDoesNotOverwriteNewerDetails() {
        send(details(3, "Samira", MemberKind.CARER, "fr"));
        MemberDetailsRecorded older = details(2, "Sammy", MemberKind.NEIGHBOUR, "en");
        send(older);
        send(sam);
        heard(older);
        heard(sam);

        ApiClient.Response now = profile();
        assertThat(now.text("displayName")).isEqualTo("Samira");
        assertThat(now.text("kind")).isEqualTo("CARER");
        Document stored = stored();
        assertThat(stored.getString("language")).isEqualTo("fr");
        assertThat(stored.get("detailsVersion", Number.class).longValue()).isEqualTo(3);
        assertThat(now.text("registeredAt")).as("what only the registration says is kept too")
                .isEqualTo("2026-11-25T10:00:00Z");
    }

    @Test
    void aRecordDeliveredAgainChangesNothing() {
        send(sam);
        MemberDetailsRecorded record = details(1, "Samira", MemberKind.SERVICE_USER, "en");
        send(record);
        await().atMost(Duration.ofSeconds(20)).until(() -> "Samira".equals(profile().text("displayName")));
        Document before = stored();

        send(record);
        send(record);
        heard(record);

        assertThat(stored()).isEqualTo(before);
        assertThat(mongo.getCollection("processed_events")
                .countDocuments(new Document("eventId", record.eventId().toString()))).isEqualTo(1);
    }

    private MemberDetailsRecorded details(long version, String name, MemberKind kind, String language) {
        Instant at = Instant.parse("2026-11-26T10:00:00Z").plusSeconds(version);
        return new MemberDetailsRecorded(UUID.randomUUID(), at, timebank, memberId, version, name, null, language,
                List.of("MEMBER"), List.of(new MemberDetailsRecorded.KindSince(kind, at)), false);
    }

    /** Applied (or found older and left): each consumer marks an event it handled in {@code processed_events}. */
    private void heard(DomainEvent event) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("processed_events")
                .countDocuments(new Document("eventId", event.eventId().toString())) > 0);
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
