package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TestTokens;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Opening a timebank and registering a member, through HTTP, MongoDB and the real broker. */
@ServiceIntegrationTest
class TimebankAndMemberIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    ApiClient api;
    TestTokens tokens = SharedInfrastructure.get().tokens();
    String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    String timebank;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAdminOpensATimebankAndItsEventIsPublishedAsACloudEvent() {
        ApiClient.Response response = api.post("/api/v1/timebanks", admin(),
                Map.of("id", timebank, "name", "Riverside Recovery", "zoneId", "Europe/London"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("zoneId")).isEqualTo("Europe/London");
        ConsumerRecord<String, byte[]> record = awaitRecord(Topics.TIMEBANKS.name(), timebank);
        assertThat(CloudEventHeaders.get(record.headers(), "ce_type")).isEqualTo("reciprocity.TimebankOpened.v1");
        assertThat(CloudEventHeaders.get(record.headers(), "ce_source")).isEqualTo("/ledger-service");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"name\":\"Riverside Recovery\"");
        // the relay removes it just after the broker's acknowledgement, on its own thread
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(outboxOf("timebanks", timebank)).as("the outbox is emptied once published").isEmpty());
    }

    @Test
    void aCoordinatorRegistersAMemberAndItsEventIsPublished() {
        open(timebank);

        ApiClient.Response response = api.post("/api/v1/timebanks/" + timebank + "/members", coordinator(),
                Map.of("kind", "SERVICE_USER", "displayName", "Sam", "email", "Sam@Example.org", "language", "en"));

        assertThat(response.status()).isEqualTo(201);
        String memberId = response.text("id");
        assertThat(response.text("email")).isEqualTo("sam@example.org");
        ConsumerRecord<String, byte[]> record = awaitRecord(Topics.MEMBERS.name(), memberId);
        assertThat(CloudEventHeaders.get(record.headers(), "ce_type")).isEqualTo("reciprocity.MemberRegistered.v1");
        assertThat(api.get("/api/v1/timebanks/" + timebank + "/members/" + memberId, coordinator()).status())
                .isEqualTo(200);
    }

    @Test
    void openingTheSameTimebankTwiceIsAConflictAndChangesNothing() {
        open(timebank);

        ApiClient.Response again = api.post("/api/v1/timebanks", admin(),
                Map.of("id", timebank, "name", "Another name", "zoneId", "Europe/Paris"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/timebanks/" + timebank, admin()).text("name")).isEqualTo("Riverside Recovery");
    }

    @Test
    void badInputGetsAProblemDetailAndWritesNothing() {
        ApiClient.Response badZone = api.post("/api/v1/timebanks", admin(),
                Map.of("id", timebank, "name", "Riverside", "zoneId", "Mars/Olympus"));
        ApiClient.Response missingName = api.post("/api/v1/timebanks", admin(), Map.of("id", timebank, "zoneId", "UTC"));
        ApiClient.Response notJson = api.post("/api/v1/timebanks", admin(), "{not json");

        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.code()).isEqualTo("invalid-value");
        assertThat(missingName.status()).isEqualTo(400);
        assertThat(missingName.json().path("errors").toString()).contains("name");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(List.of(badZone, missingName, notJson))
                .allSatisfy(r -> assertThat(r.contentType()).startsWith("application/problem+json"));
        assertThat(mongo.getCollection("timebanks").countDocuments(new org.bson.Document("_id", timebank))).isZero();
    }

    @Test
    void aMemberWithDetailsThatAreNotValidIsRefusedByCodeWithoutEchoingWhatWasTyped() {
        open(timebank);

        ApiClient.Response badEmail = api.post("/api/v1/timebanks/" + timebank + "/members", coordinator(),
                Map.of("kind", "CARER", "displayName", "Kim", "email", "kim@home"), Map.of("Accept-Language", "fr"));
        ApiClient.Response badLanguage = api.post("/api/v1/timebanks/" + timebank + "/members", coordinator(),
                Map.of("kind", "CARER", "displayName", "Kim", "language", "xx"));

        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.code()).isEqualTo("email-invalid");
        assertThat(badEmail.text("detail")).as("in French, and not repeating the address").doesNotContain("kim@home")
                .contains("e-mail").doesNotContain("look like");
        assertThat(badLanguage.code()).isEqualTo("language-unknown");
        assertThat(mongo.getCollection("members").countDocuments(new org.bson.Document("timebankId", timebank))).isZero();
    }

    @Test
    void aMemberOfAnUnknownTimebankIsNotRegistered() {
        ApiClient.Response response = api.post("/api/v1/timebanks/" + timebank + "/members", coordinator(),
                Map.of("kind", "CARER", "displayName", "Kim"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(mongo.getCollection("members").countDocuments(new org.bson.Document("timebankId", timebank))).isZero();
    }

    @Test
    void aCallWithoutATokenIsUnauthorized() {
        ApiClient.Response response = api.post("/api/v1/timebanks", null,
                Map.of("id", timebank, "name", "Riverside", "zoneId", "UTC"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTokenFromAnUntrustedIssuerIsUnauthorized() {
        ApiClient.Response response = api.post("/api/v1/timebanks", TestTokens.forgedToken("admin-1", timebank, "ADMIN"),
                Map.of("id", timebank, "name", "Riverside", "zoneId", "UTC"));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aMemberCannotOpenATimebankOrRegisterMembers() {
        open(timebank);
        String member = tokens.token("member-1", timebank, "MEMBER");

        ApiClient.Response openTimebank = api.post("/api/v1/timebanks", member,
                Map.of("id", timebank + "x", "name", "Mine", "zoneId", "UTC"));
        ApiClient.Response register = api.post("/api/v1/timebanks/" + timebank + "/members", member,
                Map.of("kind", "CARER", "displayName", "Kim"));

        assertThat(openTimebank.status()).isEqualTo(403);
        assertThat(register.status()).isEqualTo(403);
        assertThat(register.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aCoordinatorOfAnotherTimebankSeesNothingHere() {
        open(timebank);
        String elsewhere = tokens.token("coordinator-9", "elsewhere", "COORDINATOR");

        ApiClient.Response read = api.get("/api/v1/timebanks/" + timebank, elsewhere);
        ApiClient.Response register = api.post("/api/v1/timebanks/" + timebank + "/members", elsewhere,
                Map.of("kind", "CARER", "displayName", "Kim"));

        assertThat(read.status()).isEqualTo(403);
        assertThat(register.status()).isEqualTo(403);
        assertThat(register.code()).isEqualTo("signed-in-elsewhere");
    }

    @Test
    void healthIsPublicWithoutDetailsAndUpOnKafkaAndMongoForAnAdmin() {
        ApiClient.Response anonymous = api.get("/actuator/health", null);
        ApiClient.Response health = api.get("/actuator/health", admin());

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.body()).doesNotContain("kafka").doesNotContain("clusterId");
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("mongo").path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("kafka").path("status").asString()).isEqualTo("UP");
    }

    private void open(String id) {
        assertThat(api.post("/api/v1/timebanks", admin(),
                Map.of("id", id, "name", "Riverside Recovery", "zoneId", "Europe/London")).status()).isEqualTo(201);
    }

    private String admin() {
        return tokens.token("admin-1", timebank, "ADMIN");
    }

    private String coordinator() {
        return tokens.token("coordinator-1", timebank, "COORDINATOR");
    }

    private ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> seen = TopicProbe.readUntil(bootstrap, topic,
                r -> key.equals(r.key()), Duration.ofSeconds(20));
        assertThat(seen).as("a record keyed %s on %s", key, topic).anyMatch(r -> key.equals(r.key()));
        return seen.stream().filter(r -> key.equals(r.key())).reduce((a, b) -> b).orElseThrow();
    }

    private List<?> outboxOf(String collection, String id) {
        org.bson.Document doc = mongo.getCollection(collection).find(new org.bson.Document("_id", id)).first();
        return doc == null ? List.of() : doc.getList("outbox", Object.class, List.of());
    }
}
