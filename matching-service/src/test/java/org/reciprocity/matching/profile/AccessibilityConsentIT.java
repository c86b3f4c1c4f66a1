package org.reciprocity.matching.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.consent.Consent;
import org.reciprocity.contracts.consent.ConsentGiven;
import org.reciprocity.contracts.consent.ConsentHow;
import org.reciprocity.contracts.consent.ConsentWithdrawn;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Issue 18 (real broker and MongoDB): the member's consent SHOW_ACCESSIBILITY_TO_MATCHES, heard on the
 * personal-data topic, decides whether another member sees their accessibility needs. Today's share
 * choice holds until they answer; a withdrawal hides the needs, and an older "given" heard late does
 * not bring them back. The member themself and coordinators still see them.
 */
@ServiceIntegrationTest
class AccessibilityConsentIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    final String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    final String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    final String sam = UUID.randomUUID().toString();
    final String ali = UUID.randomUUID().toString();
    ApiClient api;

    @BeforeEach
    void samSharesTheirNeedsAsBeforeConsents() {
        api = new ApiClient("http://localhost:" + port);
        register(sam, "Sam");
        register(ali, "Ali");
        await().atMost(WAIT).until(() -> api.get(profile(sam), token(sam)).status() == 200
                && api.get(profile(ali), token(ali)).status() == 200);
        ApiClient.Response described = api.put(profile(sam), token(sam), Map.of("accessibilityNeeds", List.of("step-free"),
                "sharedWithMembers", List.of("accessibilityNeeds")));
        assertThat(described.status()).as(described.body()).isEqualTo(200);
    }

    @Test
    void aWithdrawalHidesTheNeedsFromOtherMembersAndALateOlderConsentDoesNotShowThemAgain() {
        assertThat(seenBy(ali).has("accessibilityNeeds")).as("not asked yet: today's choice holds").isTrue();

        TopicProbe.send(bootstrap, new ConsentWithdrawn(UUID.randomUUID(), Instant.now(), timebank, sam,
                Consent.SHOW_ACCESSIBILITY_TO_MATCHES, ConsentHow.PAGE, sam, 2));
        await().atMost(WAIT).until(() -> !seenBy(ali).has("accessibilityNeeds"));

        ConsentGiven late = new ConsentGiven(UUID.randomUUID(), Instant.now().minusSeconds(60), timebank, sam,
                Consent.SHOW_ACCESSIBILITY_TO_MATCHES, ConsentHow.PAGE, sam, 1);
        TopicProbe.send(bootstrap, late);
        await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("_id")
                .is("matching.consents:" + late.eventId())), "processed_events"));
        assertThat(seenBy(ali).has("accessibilityNeeds")).as("the older answer heard late changes nothing").isFalse();

        TopicProbe.send(bootstrap, new ConsentGiven(UUID.randomUUID(), Instant.now(), timebank, sam,
                Consent.SHOW_ACCESSIBILITY_TO_MATCHES, ConsentHow.PAGE, sam, 4));
        await().atMost(WAIT).until(() -> seenBy(ali).has("accessibilityNeeds"));

        TopicProbe.send(bootstrap, new ConsentWithdrawn(UUID.randomUUID(), Instant.now(), timebank, sam,
                Consent.SHOW_ACCESSIBILITY_TO_MATCHES, ConsentHow.PAPER, "coordinator-1", 5));
        await().atMost(WAIT).until(() -> !seenBy(ali).has("accessibilityNeeds"));
        assertThat(api.get(profile(sam), token(sam)).json().path("accessibilityNeeds").toString()).contains("step-free");
        assertThat(api.get(profile(sam), token("coordinator-1", "COORDINATOR")).json().path("accessibilityNeeds")
                .toString()).contains("step-free");
    }

    private tools.jackson.databind.JsonNode seenBy(String reader) {
        ApiClient.Response response = api.get(profile(sam), token(reader));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private void register(String id, String name) {
        TopicProbe.send(bootstrap, new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank, id,
                MemberKind.SERVICE_USER, name, null, "en", null, "coordinator-1"));
    }

    private String profile(String member) {
        return "/api/v1/timebanks/" + timebank + "/profiles/" + member;
    }

    private String token(String member, String... roles) {
        return SharedInfrastructure.get().tokens().token(member, timebank, roles.length == 0 ? new String[] {"MEMBER"} : roles);
    }
}
