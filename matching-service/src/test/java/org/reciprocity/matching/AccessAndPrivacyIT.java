package org.reciprocity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Issue 10 against the real broker and wire protocol: a member sees of another member only what
 * that member shares (their profile, the reasons of a suggestion, a refused proposal), the member
 * themself and a coordinator see it all, and every refusal of a permission is a 403 with a code.
 */
@ServiceIntegrationTest
class AccessAndPrivacyIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final List<String> PRIVATE = List.of("kind", "accessibilityNeeds", "suspended", "paused", "verified",
            "givenMinutes", "receivedMinutes", "district", "availability", "modes", "registeredAt", "sharedWithMembers");

    @LocalServerPort
    int port;

    String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    String timebank;
    ApiClient api;
    String sam;
    String ali;
    String jo;
    String coordinator = "coordinator-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        api = new ApiClient("http://localhost:" + port);
        sam = register("Sam", MemberKind.SERVICE_USER);
        ali = register("Ali", MemberKind.NEIGHBOUR);
        jo = register("Jo", MemberKind.NEIGHBOUR);
        await().atMost(WAIT).until(() -> api.get(profile(sam), token(sam)).status() == 200
                && api.get(profile(ali), token(ali)).status() == 200 && api.get(profile(jo), token(jo)).status() == 200);
        describe(sam, Map.of("district", "M14", "availability", List.of("TUESDAY_AFTERNOON"),
                "accessibilityNeeds", List.of("step-free"), "skills", List.of("cooking")));
        describe(ali, Map.of("district", "M13", "skills", List.of("befriending")));
    }

    @Test
    void aMemberSeesOfAnotherMembersProfileOnlyTheNameAndWhatTheyOffer() {
        JsonNode seenByAli = read(profile(sam), token(ali));

        assertThat(seenByAli.path("displayName").asString()).isEqualTo("Sam");
        assertThat(seenByAli.path("skills").toString()).contains("cooking");
        assertThat(seenByAli.has("languages")).isTrue();
        assertThat(PRIVATE).allSatisfy(field -> assertThat(seenByAli.has(field)).as(field).isFalse());
    }

    @Test
    void theMemberThemselfAndACoordinatorSeeTheWholeProfile() {
        for (String reader : List.of(token(sam), token(coordinator, "COORDINATOR"), token("admin-1", "ADMIN"))) {
            JsonNode whole = read(profile(sam), reader);

            assertThat(whole.path("kind").asString()).isEqualTo("SERVICE_USER");
            assertThat(whole.path("accessibilityNeeds").toString()).contains("step-free");
            assertThat(whole.path("suspended").isBoolean()).isTrue();
            assertThat(whole.path("givenMinutes").isNumber()).isTrue();
            assertThat(whole.path("receivedMinutes").isNumber()).isTrue();
            assertThat(whole.path("district").asString()).isEqualTo("M14");
        }
    }

    @Test
    void aMemberChoosesWhatElseOtherMembersSee() {
        describe(sam, Map.of("district", "M14", "accessibilityNeeds", List.of("step-free"),
                "sharedWithMembers", List.of("district")));

        JsonNode seenByAli = read(profile(sam), token(ali));

        assertThat(seenByAli.path("district").asString()).isEqualTo("M14");
        assertThat(seenByAli.has("accessibilityNeeds")).isFalse();
        assertThat(seenByAli.has("kind")).isFalse();
        ApiClient.Response notShareable = api.put(profile(sam), token(sam), Map.of("sharedWithMembers", List.of("kind")));
        assertThat(notShareable.status()).isEqualTo(400);
        assertThat(notShareable.text("code")).isEqualTo("not-shareable");
    }

    @Test
    void aProfileUpdateByAnotherMemberIsNotPermitted() {
        ApiClient.Response refused = api.put(profile(sam), token(ali), Map.of("skills", List.of("gardening")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("not-permitted");
        assertThat(refused.json().path("params").path("action").asString()).isEqualTo("UPDATE_PROFILE");
        assertThat(refused.text("type")).isEqualTo("urn:reciprocity:problem:not-permitted");
        assertThat(read(profile(sam), token(sam)).path("skills").toString()).doesNotContain("gardening");
    }

    @Test
    void aPermissionRefusalInMatchingIsA403WithItsCode() {
        String offer = publish(ali, "OFFER", "Walks and a chat");
        String need = publish(sam, "NEED", "Someone to walk with");

        ApiClient.Response byAStranger = api.post(base() + "/matches", token(jo),
                Map.of("needListingId", need, "offerListingId", offer));
        assertThat(byAStranger.status()).isEqualTo(403);
        assertThat(byAStranger.text("code")).isEqualTo("not-part-of-the-match");

        ApiClient.Response proposed = api.post(base() + "/matches", token(sam),
                Map.of("needListingId", need, "offerListingId", offer));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String match = proposed.text("id");
        ApiClient.Response answeredByAStranger = api.post(base() + "/matches/" + match + "/accept", token(jo), "{}");
        assertThat(answeredByAStranger.status()).isEqualTo(403);
        assertThat(answeredByAStranger.text("code")).isEqualTo("not-permitted");
        assertThat(api.get(base() + "/matches/" + match, token(jo)).status()).isEqualTo(403);
        assertThat(api.get(base() + "/members/" + sam + "/matches", token(jo)).status()).isEqualTo(403);
        assertThat(api.get(base() + "/members/" + sam + "/matches", token(coordinator, "COORDINATOR")).json().size())
                .isEqualTo(1);

        ApiClient.Response editedByAStranger = api.post(base() + "/listings/" + offer + "/withdraw", token(jo), "{}");
        assertThat(editedByAStranger.status()).isEqualTo(403);
        assertThat(editedByAStranger.text("code")).isEqualTo("not-permitted");
    }

    @Test
    void aSuggestionsReasonsNeverTellTheAccessNeedsOnAMembersProfile() {
        String offer = publish(ali, "OFFER", "Walks and a chat");
        publish(sam, "NEED", "Someone to walk with");

        String toAli = api.get(base() + "/listings/" + offer + "/suggestions", token(ali)).body();
        String toCoordinator = api.get(base() + "/listings/" + offer + "/suggestions", token(coordinator, "COORDINATOR"))
                .body();

        // Sam's profile says step-free; his listing does not: the listing is what reasons speak of (issue 14)
        assertThat(toAli).contains(sam).doesNotContain("step-free");
        assertThat(toCoordinator).contains(sam).doesNotContain("step-free");
    }

    @Test
    void aMemberProposingIsNotToldThatTheOtherSideHasPaused() {
        String offer = publish(ali, "OFFER", "Walks and a chat");
        String need = publish(sam, "NEED", "Someone to walk with");
        assertThat(api.post(profile(ali) + "/pause", token(ali), "{}").status()).isEqualTo(200);

        ApiClient.Response toSam = api.post(base() + "/matches", token(sam),
                Map.of("needListingId", need, "offerListingId", offer));
        ApiClient.Response toCoordinator = api.post(base() + "/matches", token(coordinator, "COORDINATOR"),
                Map.of("needListingId", need, "offerListingId", offer));

        assertThat(toSam.status()).isEqualTo(422);
        assertThat(toSam.text("code")).isEqualTo("member-not-available");
        assertThat(toSam.body()).doesNotContain("paused");
        assertThat(toCoordinator.text("code")).isEqualTo("member-paused");
    }

    private String register(String name, MemberKind kind) {
        String id = UUID.randomUUID().toString();
        LedgerMembers.send(bootstrap, new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank, id, kind, name,
                null, "en", null, "coordinator-1"));
        return id;
    }

    private void describe(String member, Map<String, Object> details) {
        ApiClient.Response response = api.put(profile(member), token(member), details);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private String publish(String owner, String kind, String title) {
        ApiClient.Response response = api.post(base() + "/listings", token(owner), Map.of("kind", kind, "title", title,
                "category", "befriending", "tags", List.of("walking"), "estimatedMinutes", 60, "mode", "IN_PERSON",
                "district", "M14", "expiresAt", Instant.now().plusSeconds(86_400 * 30).toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }

    private JsonNode read(String path, String token) {
        ApiClient.Response response = api.get(path, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String base() {
        return "/api/v1/timebanks/" + timebank;
    }

    private String profile(String member) {
        return base() + "/profiles/" + member;
    }

    private String token(String member, String... roles) {
        return SharedInfrastructure.get().tokens().token(member, timebank, roles.length == 0 ? new String[] {"MEMBER"} : roles);
    }
}
