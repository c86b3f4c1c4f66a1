package org.reciprocity.review.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.kit.access.ReadLog;
import org.reciprocity.kit.access.ReadReason;
import org.reciprocity.review.Details;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Issue 18, "who looked" (real broker and MongoDB): the reciprocity review's rows name members with
 * their hours and balances, so a staff member reading a page of them is a look at each member the
 * page shows — and at nobody else; the whole table as CSV is a look at every member in it; an
 * admin's download of the whole timebank is a look at every member, kept when the ZIP is fetched.
 * Each member reads their own list here; another member may not.
 */
@ServiceIntegrationTest
class ReviewWhoLookedIT {

    static final Instant NOV_1 = LocalDate.of(2026, 11, 1).atTime(9, 0).toInstant(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    final String tb = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    final String members = "/api/v1/timebanks/" + tb + "/review/members";

    @Test
    void aPageOfRowsIsALookAtEachMemberItShowsTheCsvAtEveryoneAndTheDownloadToo() {
        for (String[] member : List.of(new String[] {"ann", "Ann"}, new String[] {"bob", "Bob"}, new String[] {"cat", "Cat"})) {
            TopicProbe.send(SharedInfrastructure.get().kafkaBootstrapServers(),
                    Details.recorded(tb, member[0], member[1], MemberKind.SERVICE_USER, NOV_1));
        }
        String admin = token("ada", "ADMIN");
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get(members + "?from=2026-11", admin).json()
                .path("rows").size() == 3);

        ApiClient.Response page = api().send("GET", members + "?from=2026-11&sort=name&size=2",
                token("rita", "STAFF"), Map.of(ReadReason.HEADER, "REVIEW"), null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().path("rows").size()).isEqualTo(2);

        assertThat(looksBy("rita", "ann")).singleElement().satisfies(look -> {
            assertThat(look.path("readerRole").asText()).isEqualTo("REVIEWER");
            assertThat(look.path("what").asText()).isEqualTo("READ_RECIPROCITY_REVIEW");
            assertThat(look.path("why").asText()).isEqualTo("REVIEW");
        });
        assertThat(looksBy("rita", "bob")).hasSize(1);
        assertThat(looksBy("rita", "cat")).as("not on the page: not looked at").isEmpty();

        ApiClient.Response csv = api().send("GET", members + ".csv?from=2026-11", token("cory", "COORDINATOR"),
                Map.of(), null);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        for (String member : List.of("ann", "bob", "cat")) {
            assertThat(looksBy("cory", member)).as(member).singleElement()
                    .satisfies(look -> assertThat(look.path("readerRole").asText()).isEqualTo("COORDINATOR"));
        }

        ApiClient.Response started = api().post("/api/v1/timebanks/" + tb + "/review/exports", admin, Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = "/api/v1/timebanks/" + tb + "/review/exports/" + started.text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> api().get(job, admin).text("state"), "READY"::equals);
        assertThat(looksBy("ada", "ann").stream().filter(l -> l.path("what").asText().equals("EXPORT_TIMEBANK")))
                .as("asking for a download and following it is not yet a look").isEmpty();
        assertThat(api().send("GET", job + "/zip", admin, Map.of(), null).status()).isEqualTo(200);
        for (String member : List.of("ann", "bob", "cat")) {
            assertThat(looksBy("ada", member).stream().filter(l -> l.path("what").asText().equals("EXPORT_TIMEBANK")))
                    .as(member).singleElement()
                    .satisfies(look -> assertThat(look.path("readerRole").asText()).isEqualTo("ADMIN"));
        }
        assertThat(mongo.getCollection(ReadLog.COLLECTION).countDocuments(
                new org.bson.Document("timebankId", tb))).as("one month document per member").isEqualTo(3);

        assertThat(api().get(reads("ann"), token("bob", "MEMBER")).status()).isEqualTo(403);
    }

    private List<JsonNode> looksBy(String reader, String member) {
        ApiClient.Response response = api().get(reads(member), token(member, "MEMBER"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> looks = new ArrayList<>();
        response.json().forEach(look -> {
            if (look.path("readerId").asText().equals(reader)) {
                looks.add(look);
            }
        });
        return looks;
    }

    private String reads(String member) {
        return "/api/v1/timebanks/" + tb + "/members/" + member + "/reads";
    }

    private String token(String member, String role) {
        return SharedInfrastructure.get().tokens().token(member, tb, role);
    }

    private ApiClient api() {
        return new ApiClient("http://localhost:" + port);
    }
}
