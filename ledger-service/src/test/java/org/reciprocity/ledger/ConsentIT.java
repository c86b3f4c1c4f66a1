package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.contracts.notification.EmailUnsubscribed;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18: a member gives and withdraws consents on their page (real HTTP, MongoDB and broker).
 * Each change is recorded with when and how, published once on the personal-data topic, and a
 * withdrawn SUPPORTER_MAY_LOG refuses the supporter's very next log for the member.
 */
@ServiceIntegrationTest
class ConsentIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    LedgerFixture given;
    String sam;
    String kim;
    String ali;

    @BeforeEach
    void aMemberWithASupporter() {
        given = new LedgerFixture(port);
        sam = given.aMember("Sam");
        kim = given.aMember("Kim");
        ali = given.aMember("Ali");
        assertThat(given.api.post(given.path("/members/" + sam + "/supporters"), given.as(sam),
                Map.of("supporterId", kim)).status()).isEqualTo(204);
    }

    @Test
    void aSupporterLogsWhileTheMemberConsentsAndIsRefusedOnceTheyWithdraw() {
        Map<String, Object> forSam = given.logBody(sam, ali, 30, "GIVER");
        ApiClient.Response notAsked = given.api.post(given.path("/contributions"), given.as(kim), forSam);

        ApiClient.Response gave = consent(sam, "SUPPORTER_MAY_LOG", true, given.as(sam));
        ApiClient.Response whileGiven = given.api.post(given.path("/contributions"), given.as(kim), forSam);
        ApiClient.Response withdrew = consent(sam, "SUPPORTER_MAY_LOG", false, given.as(sam));
        Map<String, Object> sayingSamAgreed = new HashMap<>(given.logBody(sam, ali, 45, "GIVER"));
        sayingSamAgreed.put("consentRecorded", true);
        ApiClient.Response afterwards = given.api.post(given.path("/contributions"), given.as(kim), sayingSamAgreed);

        assertThat(notAsked.code()).as("nothing asked the member yet").isEqualTo("consent-needed");
        assertThat(gave.status()).as(gave.body()).isEqualTo(200);
        assertThat(whileGiven.status()).as(whileGiven.body()).isEqualTo(201);
        assertThat(withdrew.status()).isEqualTo(200);
        assertThat(afterwards.status()).isEqualTo(403);
        assertThat(afterwards.code()).isEqualTo("supporter-not-allowed");
        assertThat(afterwards.text("detail")).contains("supporters may not log time");
        assertThat(given.api.post(given.path("/contributions"), given.as(sam), given.logBody(sam, ali, 20, "GIVER"))
                .status()).as("the member still logs for themself").isEqualTo(201);
    }

    @Test
    void eachChangeIsRecordedWithWhenAndHowAndPublishedOnce() {
        consent(sam, "EMAIL_ME", true, given.as(sam));
        ApiClient.Response again = consent(sam, "EMAIL_ME", true, given.as(sam));
        consent(sam, "SHOW_ACCESSIBILITY_TO_MATCHES", false, given.coordinator());
        consent(sam, "EMAIL_ME", false, given.as(sam));

        JsonNode read = given.api.get(given.path("/members/" + sam + "/consents"), given.as(sam)).json();
        assertThat(again.json().path("history").size()).as("saving the same answer records nothing").isEqualTo(1);
        assertThat(read.path("history").size()).isEqualTo(3);
        JsonNode email = state(read, "EMAIL_ME");
        assertThat(email.path("given").asBoolean()).isFalse();
        assertThat(email.path("how").asString()).isEqualTo("PAGE");
        assertThat(email.path("at").asString()).isNotBlank();
        JsonNode accessibility = state(read, "SHOW_ACCESSIBILITY_TO_MATCHES");
        assertThat(accessibility.path("how").asString()).isEqualTo("PAPER");
        assertThat(accessibility.path("recordedBy").asString()).isEqualTo("coordinator-1");
        assertThat(state(read, "SUPPORTER_MAY_LOG").path("given").isMissingNode()
                || state(read, "SUPPORTER_MAY_LOG").path("given").isNull()).as("never asked").isTrue();

        List<JsonNode> events = eventsOf(sam, 3);
        assertThat(events).extracting(e -> e.path("type").asString()).containsExactly(
                "reciprocity.ConsentGiven.v1", "reciprocity.ConsentWithdrawn.v1", "reciprocity.ConsentWithdrawn.v1");
        assertThat(events).extracting(e -> e.path("event").path("version").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(events.get(1).path("event").path("how").asString()).isEqualTo("PAPER");
    }

    @Test
    void noOneElseReadsOrChangesAMembersConsentsAndNonsenseChangesNothing() {
        assertThat(given.api.get(given.path("/members/" + sam + "/consents"), given.as(kim)).status())
                .as("not even their supporter").isEqualTo(403);
        assertThat(consent(sam, "EMAIL_ME", true, given.as(kim)).status()).isEqualTo(403);
        assertThat(consent(sam, "SHARE_EVERYTHING", true, given.as(sam)).code()).isEqualTo("consent-unknown");
        ApiClient.Response noAnswer = given.api.put(given.path("/members/" + sam + "/consents/EMAIL_ME"), given.as(sam),
                Map.of());
        assertThat(noAnswer.code()).isEqualTo("given-or-not-needed");
        assertThat(given.api.get(given.path("/members/" + sam + "/consents"), given.as(sam)).json()
                .path("history").size()).isZero();
    }

    @Test
    void withdrawingSharingWithdrawsTheRecordsAlreadySharedAndNoNewOneIsMade() {
        ApiClient.Response logged = given.logGiven(sam, ali, 60);
        assertThat(given.validate(logged.text("id"), ali, "Thank you").status()).isEqualTo(200);
        String records = given.path("/members/" + sam + "/contribution-records");
        String code = given.api.post(records, given.as(sam), Map.of()).text("code");
        assertThat(given.api.get("/api/v1/contribution-records/" + code, null).text("status")).isEqualTo("ISSUED");

        consent(sam, "SHARE_CONTRIBUTION_RECORD", false, given.as(sam));
        ApiClient.Response another = given.api.post(records, given.as(sam), Map.of());

        assertThat(another.status()).isEqualTo(422);
        assertThat(another.code()).isEqualTo("sharing-withdrawn");
        await().atMost(Duration.ofSeconds(30)).until(() -> !"ISSUED".equals(
                given.api.get("/api/v1/contribution-records/" + code, null).text("status")));
        assertThat(given.api.get("/api/v1/contribution-records/" + code, null).text("status")).isEqualTo("WITHDRAWN");
        consent(sam, "SHARE_CONTRIBUTION_RECORD", true, given.as(sam));
        assertThat(given.api.post(records, given.as(sam), Map.of()).status()).as("yes again: a new one").isEqualTo(201);
    }

    @Test
    void theUnsubscribeLinkOfAnEmailIsWrittenDownAsAWithdrawalByThatLinkOnceAndTold() {
        consent(sam, "EMAIL_ME", true, given.as(sam));
        Instant clicked = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS); // after the answer on the page
        EmailUnsubscribed link = new EmailUnsubscribed(UUID.randomUUID(), clicked, given.timebank, sam);
        String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
        TopicProbe.send(bootstrap, link);
        TopicProbe.send(bootstrap, link);
        EmailUnsubscribed clickedAgain = new EmailUnsubscribed(UUID.randomUUID(), clicked.plusSeconds(5), given.timebank, sam);
        TopicProbe.send(bootstrap, clickedAgain);

        List<JsonNode> events = eventsOf(sam, 2);
        JsonNode read = given.api.get(given.path("/members/" + sam + "/consents"), given.as(sam)).json();
        JsonNode email = state(read, "EMAIL_ME");
        assertThat(email.path("given").asBoolean()).isFalse();
        assertThat(email.path("how").asString()).isEqualTo("UNSUBSCRIBE_LINK");
        assertThat(email.path("recordedBy").asString()).as("the member, by their own link").isEqualTo(sam);
        assertThat(Instant.parse(email.path("at").asString())).as("when they clicked").isEqualTo(clicked);
        assertThat(events).extracting(e -> e.path("type").asString()).containsExactly(
                "reciprocity.ConsentGiven.v1", "reciprocity.ConsentWithdrawn.v1");
        assertThat(events.get(1).path("event").path("how").asString()).isEqualTo("UNSUBSCRIBE_LINK");
        await().atMost(Duration.ofSeconds(30)).until(() -> heard(link) && heard(clickedAgain));
        assertThat(given.api.get(given.path("/members/" + sam + "/consents"), given.as(sam)).json().path("history")
                .size()).as("a second click, or the same one heard twice, adds nothing").isEqualTo(2);
    }

    private ApiClient.Response consent(String member, String consent, boolean yes, String token) {
        return given.api.put(given.path("/members/" + member + "/consents/" + consent), token, Map.of("given", yes));
    }

    @Test
    void aClickHeardLateChangesNothingTheMemberAnsweredSinceOnTheirPage() {
        consent(ali, "EMAIL_ME", true, given.as(ali));
        EmailUnsubscribed early = new EmailUnsubscribed(UUID.randomUUID(), Instant.now().minusSeconds(3600), given.timebank, ali);
        TopicProbe.send(SharedInfrastructure.get().kafkaBootstrapServers(), early);

        await().atMost(Duration.ofSeconds(30)).until(() -> heard(early));
        JsonNode email = state(given.api.get(given.path("/members/" + ali + "/consents"), given.as(ali)).json(), "EMAIL_ME");
        assertThat(email.path("given").asBoolean()).isTrue();
        assertThat(email.path("how").asString()).isEqualTo("PAGE");
    }

    private boolean heard(EmailUnsubscribed event) {
        return mongo.findById("ledger.unsubscribe-links:" + event.eventId(), Document.class, "processed_events") != null;
    }

    private static JsonNode state(JsonNode read, String consent) {
        return read.path("consents").valueStream().filter(c -> consent.equals(c.path("consent").asString()))
                .findFirst().orElseThrow();
    }

    /** The member's consent events in topic order, each once (the outbox publishes at least once). */
    private static List<JsonNode> eventsOf(String memberId, int expected) {
        List<JsonNode> found = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        TopicProbe.readUntil(SharedInfrastructure.get().kafkaBootstrapServers(), Topics.PERSONAL_DATA_TOPIC, r -> {
            if (memberId.equals(r.key())) {
                JsonNode event = JsonMapper.builder().build().readTree(r.value());
                String id = event.path("eventId").asString();
                if (!ids.contains(id)) {
                    ids.add(id);
                    found.add(JsonMapper.builder().build().createObjectNode()
                            .put("type", CloudEventHeaders.get(r.headers(), "ce_type")).set("event", event));
                }
            }
            return found.size() >= expected;
        }, Duration.ofSeconds(30));
        // a fourth, should one come, would be a duplicate publication or a change that should have recorded nothing
        return found;
    }
}
