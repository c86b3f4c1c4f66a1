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
import org.reciprocity.matching.LedgerMembers;
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
 * choice holds until they answer; given, only a member matched with them sees the needs; a withdrawal
 * hides them, and an older "given" heard late does not bring them back. The member themself and
 * coordinators still see them.
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
    final String jo = UUID.randomUUID().toString();
    ApiClient api;

    @BeforeEach
    void samSharesTheirNeedsAsBeforeConsents() {
        api = new ApiClient("http://localhost:" + port);
        register(sam, "Sam");
        register(ali, "Ali");
        register(jo, "Jo");
        await().atMost(WAIT).until(() -> api.get(profile(sam), token(sam)).status() == 200
                && api.get(profile(ali), token(ali)).status() == 200 && api.get(profile(jo), token(jo)).status() == 200);
        ApiClient.Response described = api.put(profile(sam), token(sam), Map.of("accessibilityNeeds", List.of("step-free"),
                "sharedWithMembers", List.of("accessibilityNeeds")));
        assertThat(described.status()).as(described.body()).isEqualTo(200);
    }

    @Test
    void onceAnsweredTheConsentShowsTheNeedsToMatchedMembersOnlyAndAWithdrawalHidesThem() {
        assertThat(seenBy(jo).has("accessibilityNeeds")).as("not asked yet: today's choice holds").isTrue();

        heard(consent(true, 1));
        assertThat(seenBy(jo).has("accessibilityNeeds")).as("given: for matched members, and Jo is not one").isFalse();
        matchSamWithAli();
        assertThat(seenBy(ali).has("accessibilityNeeds")).as("Ali is matched with Sam").isTrue();
        assertThat(seenBy(jo).has("accessibilityNeeds")).isFalse();

        heard(consent(false, 3));
        assertThat(seenBy(ali).has("accessibilityNeeds")).as("withdrawn").isFalse();
        heard(consent(true, 2));
        assertThat(seenBy(ali).has("accessibilityNeeds")).as("an older answer heard late changes nothing").isFalse();
        assertThat(api.get(profile(sam), token(sam)).json().path("accessibilityNeeds").toString()).contains("step-free");
        assertThat(api.get(profile(sam), token("coordinator-1", "COORDINATOR")).json().path("accessibilityNeeds")
                .toString()).contains("step-free");
    }

    private org.reciprocity.contracts.DomainEvent consent(boolean given, long version) {
        return given ? new ConsentGiven(UUID.randomUUID(), Instant.now(), timebank, sam,
                Consent.SHOW_ACCESSIBILITY_TO_MATCHES, ConsentHow.PAGE, sam, version)
                : new ConsentWithdrawn(UUID.randomUUID(), Instant.now(), timebank, sam,
                Consent.SHOW_ACCESSIBILITY_TO_MATCHES, ConsentHow.PAGE, sam, version);
    }

    /** Sends a consent event and waits until matching applied it (or, for an older one, passed over it). */
    private void heard(org.reciprocity.contracts.DomainEvent event) {
        TopicProbe.send(bootstrap, event);
        await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("_id")
                .is("matching.consents:" + event.eventId())), "processed_events"));
    }

    private void matchSamWithAli() {
        String offer = publish(ali, "OFFER", "Walks and a chat");
        String need = publish(sam, "NEED", "Someone to walk with");
        ApiClient.Response proposed = api.post(base() + "/matches", token(sam),
                Map.of("needListingId", need, "offerListingId", offer));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    }

    private String publish(String owner, String kind, String title) {
        ApiClient.Response response = api.post(base() + "/listings", token(owner), Map.of("kind", kind, "title", title,
                "category", "befriending", "tags", List.of("walking"), "estimatedMinutes", 60, "mode", "IN_PERSON",
                "district", "M14", "expiresAt", Instant.now().plusSeconds(86_400 * 30).toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }

    private String base() {
        return "/api/v1/timebanks/" + timebank;
    }

    private tools.jackson.databind.JsonNode seenBy(String reader) {
        ApiClient.Response response = api.get(profile(sam), token(reader));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private void register(String id, String name) {
        LedgerMembers.send(bootstrap, new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank, id,
                MemberKind.SERVICE_USER, name, null, "en", null, "coordinator-1"));
    }

    private String profile(String member) {
        return "/api/v1/timebanks/" + timebank + "/profiles/" + member;
    }

    private String token(String member, String... roles) {
        return SharedInfrastructure.get().tokens().token(member, timebank, roles.length == 0 ? new String[] {"MEMBER"} : roles);
    }
}
