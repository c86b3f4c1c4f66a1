package org.reciprocity.matching.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.kit.access.ReadReason;
import org.reciprocity.matching.LedgerMembers;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Issue 18, "who looked" (real broker and MongoDB): a coordinator opening a member's profile is a look
 * the member sees in their list; a member reading another's profile is not. Names come from their own
 * read, which any member of the timebank may make, which keeps no look and tells nothing but names
 * (an erased member answers as erased), and which a member of another timebank may not make.
 */
@ServiceIntegrationTest
class WhoLookedAtProfileIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    Profiles profiles;

    final String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    final String sam = UUID.randomUUID().toString();
    final String ali = UUID.randomUUID().toString();
    final String jo = UUID.randomUUID().toString();
    final String coordinator = "coordinator-" + UUID.randomUUID().toString().substring(0, 8);
    ApiClient api;

    @BeforeEach
    void threeMembers() {
        api = new ApiClient("http://localhost:" + port);
        register(sam, "Sam Rivers");
        register(ali, "Ali");
        register(jo, "Jo");
        await().atMost(WAIT).until(() -> api.get(profile(sam), token(sam)).status() == 200
                && api.get(profile(ali), token(ali)).status() == 200 && api.get(profile(jo), token(jo)).status() == 200);
    }

    @Test
    void aCoordinatorOpeningAProfileIsALookTheMemberSeesAndAMembersReadIsNot() {
        assertThat(api.get(profile(sam), token(ali)).status()).isEqualTo(200);
        assertThat(reads(sam)).as("a member reading another's profile is not a look to report").isEmpty();

        ApiClient.Response read = api.send("GET", profile(sam), token(coordinator, "MEMBER", "COORDINATOR"),
                Map.of(ReadReason.HEADER, "SUPPORT_REQUEST"), null);
        assertThat(read.status()).as(read.body()).isEqualTo(200);

        List<JsonNode> looks = reads(sam);
        assertThat(looks).singleElement().satisfies(look -> {
            assertThat(look.path("readerId").asText()).isEqualTo(coordinator);
            assertThat(look.path("readerRole").asText()).isEqualTo("COORDINATOR");
            assertThat(look.path("what").asText()).isEqualTo("READ_PROFILE");
            assertThat(look.path("why").asText()).isEqualTo("SUPPORT_REQUEST");
        });
        assertThat(reads(ali)).isEmpty();
    }

    @Test
    void namesAreOnlyNamesKeepNoLookAndAnErasedMemberAnswersAsErased() {
        profiles.forget(timebank, jo);
        String unknown = UUID.randomUUID().toString();

        ApiClient.Response answer = api.get(names(sam, ali, jo, unknown), token(coordinator, "MEMBER", "COORDINATOR"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        answer.json().forEach(n -> byId.put(n.path("memberId").asText(), n));
        assertThat(byId).containsOnlyKeys(sam, ali, jo);
        assertThat(byId.get(sam).path("displayName").asText()).isEqualTo("Sam Rivers");
        assertThat(byId.get(jo).path("erased").asBoolean()).isTrue();
        assertThat(byId.get(jo).has("displayName")).isFalse();
        answer.json().forEach(n -> assertThat(n.propertyNames()).as("names, nothing more")
                .isSubsetOf("memberId", "displayName", "erased"));
        assertThat(reads(sam)).as("reading names is not a look").isEmpty();

        assertThat(api.get(names(sam), token(ali)).status()).as("any member may read names").isEqualTo(200);
    }

    @Test
    void aMemberOfAnotherTimebankMayNotReadNamesAndTooManyIdsAreRefused() {
        String elsewhere = SharedInfrastructure.get().tokens().token(UUID.randomUUID().toString(), "tb-other", "MEMBER");
        assertThat(api.get(names(sam), elsewhere).status()).isEqualTo(403);

        List<String> many = new ArrayList<>();
        for (int i = 0; i <= NamesController.MOST; i++) {
            many.add("m" + i);
        }
        ApiClient.Response tooMany = api.get(names(many.toArray(String[]::new)), token(ali));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.code()).isEqualTo("too-many-names");
    }

    private List<JsonNode> reads(String member) {
        ApiClient.Response response = api.get(base() + "/members/" + member + "/reads", token(member));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> looks = new ArrayList<>();
        response.json().forEach(looks::add);
        return looks;
    }

    private void register(String id, String name) {
        LedgerMembers.send(SharedInfrastructure.get().kafkaBootstrapServers(), new MemberRegistered(UUID.randomUUID(),
                Instant.now(), timebank, id, MemberKind.SERVICE_USER, name, null, "en", null, "coordinator-1"));
    }

    private String names(String... ids) {
        return base() + "/names?ids=" + String.join(",", ids);
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
