package org.reciprocity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reciprocity.identity.account.Account;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 16: an admin grants and withdraws roles; each change is recorded in the account's own write
 * with who and when, and read back newest first by admins only; a timebank is never left without an admin.
 */
class RoleChangesIT extends IdentityServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aGrantedRoleIsRecordedWithWhoAndWhenAndOnlyAnAdminReadsTheRecord() throws Exception {
        Account admin = aMemberWithPassword("a long enough secret", "ADMIN");
        String timebank = admin.timebankId();
        accounts.invite(timebank, "noor", "noor-" + Instant.now().toEpochMilli() + "@example.org", "en", List.of());
        String token = localToken(admin.memberId(), timebank, "ADMIN");
        Instant before = Instant.now();

        HttpResponse<String> granted = api("PUT", "/api/v1/timebanks/" + timebank + "/accounts/noor/roles", token,
                "{\"roles\":[\"COORDINATOR\"]}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(granted.body()).contains("\"roles\":[\"MEMBER\",\"COORDINATOR\"]");

        JsonNode entry = JSON.readTree(api("GET", "/api/v1/timebanks/" + timebank + "/audit", token, null).body())
                .path("entries").path(0);
        assertThat(entry.path("action").asString()).isEqualTo("ROLES_CHANGED");
        assertThat(entry.path("by").asString()).isEqualTo(admin.memberId());
        assertThat(entry.path("subjectId").asString()).isEqualTo("noor");
        assertThat(Instant.parse(entry.path("at").asString())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(entry.path("changes").path(0).path("from").asString()).isEqualTo("MEMBER");
        assertThat(entry.path("changes").path(0).path("to").asString()).isEqualTo("MEMBER,COORDINATOR");

        for (String roles : List.of("COORDINATOR", "")) {
            HttpResponse<String> notAdmin = api("GET", "/api/v1/timebanks/" + timebank + "/audit",
                    localToken("noor", timebank, roles), null);
            assertThat(notAdmin.statusCode()).as(roles).isEqualTo(403);
        }
        assertThat(api("GET", "/api/v1/timebanks/" + timebank + "/audit", localToken("x", "tb-other", "ADMIN"), null)
                .statusCode()).as("an admin of another timebank").isEqualTo(403);
    }

    @Test
    void theLastAdminCannotGiveUpTheirRoleAndNothingChangesButOnceThereIsAnotherTheyCan() throws Exception {
        Account admin = aMemberWithPassword("a long enough secret", "ADMIN", "COORDINATOR");
        String timebank = admin.timebankId();
        String token = localToken(admin.memberId(), timebank, "ADMIN");
        String own = "/api/v1/timebanks/" + timebank + "/accounts/" + admin.memberId() + "/roles";

        HttpResponse<String> refused = api("PUT", own, token, "{\"roles\":[\"COORDINATOR\"]}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).path("code").asString()).isEqualTo("last-admin");
        assertThat(accounts.byId(admin.id()).orElseThrow().roles()).contains("ADMIN");
        assertThat(JSON.readTree(api("GET", "/api/v1/timebanks/" + timebank + "/audit", token, null).body())
                .path("total").asInt()).as("a refused change records nothing").isZero();

        accounts.invite(timebank, "second", "second-" + Instant.now().toEpochMilli() + "@example.org", "en", List.of("ADMIN"));
        HttpResponse<String> givenUp = api("PUT", own, token, "{\"roles\":[\"COORDINATOR\"]}");
        assertThat(givenUp.statusCode()).as(givenUp.body()).isEqualTo(200);
        assertThat(accounts.byId(admin.id()).orElseThrow().roles()).containsExactly("MEMBER", "COORDINATOR");
    }

    @Test
    void twoAdminsGivingUpTheRoleAtTheSameMomentLeaveOneAdmin() throws Exception {
        for (int round = 0; round < 8; round++) {
            Account first = aMemberWithPassword("a long enough secret", "ADMIN");
            String timebank = first.timebankId();
            String second = "second" + round;
            accounts.invite(timebank, second, second + "-" + Instant.now().toEpochMilli() + "@example.org", "en",
                    List.of("ADMIN"));
            List<String> admins = List.of(first.memberId(), second);
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            List<java.util.concurrent.CompletableFuture<Integer>> answers = admins.stream()
                    .map(admin -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        String token = localToken(admin, timebank, "ADMIN");
                        try {
                            together.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return api("PUT", "/api/v1/timebanks/" + timebank + "/accounts/" + admin + "/roles", token,
                                "{\"roles\":[\"COORDINATOR\"]}").statusCode();
                    })).toList();

            List<Integer> statuses = answers.stream().map(java.util.concurrent.CompletableFuture::join).sorted().toList();
            assertThat(statuses).as("round %d: one gives up ADMIN, the other is told they are the last", round)
                    .containsExactly(200, 409);
            assertThat(accounts.admins(timebank)).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void anUnknownRoleIsRefusedAndChangesNothing() throws Exception {
        Account admin = aMemberWithPassword("a long enough secret", "ADMIN");
        String token = localToken(admin.memberId(), admin.timebankId(), "ADMIN");
        HttpResponse<String> refused = api("PUT", "/api/v1/timebanks/" + admin.timebankId() + "/accounts/"
                + admin.memberId() + "/roles", token, "{\"roles\":[\"ADMIN\",\"KING\"]}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(api("GET", "/api/v1/timebanks/" + admin.timebankId() + "/audit", token, null).body())
                .path("total").asInt()).isZero();
    }

    private String localToken(String member, String timebank, String roles) {
        HttpResponse<String> token = browser().postForm("/local/token", Map.of("member", member, "timebank", timebank, "roles", roles));
        assertThat(token.statusCode()).isEqualTo(200);
        return token.body();
    }

    private HttpResponse<String> api(String method, String path, String token, String json) {
        Browser browser = browser();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.base + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return browser.send(request.build());
    }
}
