package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.kit.access.ReadLog;
import org.reciprocity.kit.access.ReadReason;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, "who looked", through HTTP and the real store: a coordinator's, staff's or admin's read of
 * a member's details, statement or contributions is kept with its reason; the member lists them; the
 * member's own reads are not kept; nobody else may list them.
 */
@ServiceIntegrationTest
class SensitiveReadsIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    LedgerFixture given;

    @BeforeEach
    void aTimebank() {
        given = new LedgerFixture(port);
    }

    @Test
    void aCoordinatorsLookAtAMemberIsKeptWithItsReasonAndTheMemberSeesIt() {
        String sam = given.aMember("Sam");

        assertThat(read("/members/" + sam, given.coordinator(), "SUPPORT_REQUEST").status()).isEqualTo(200);
        assertThat(read("/members/" + sam + "/statement", given.reviewer("staff-1"), null).status()).isEqualTo(200);

        JsonNode reads = reads(sam, given.as(sam));
        assertThat(reads.size()).isEqualTo(2);
        JsonNode newest = reads.path(0);
        assertThat(newest.path("readerId").asString()).isEqualTo("staff-1");
        assertThat(newest.path("readerRole").asString()).isEqualTo("REVIEWER");
        assertThat(newest.path("what").asString()).isEqualTo("READ_STATEMENT");
        assertThat(newest.path("why").asString()).isEqualTo(ReadReason.NOT_GIVEN.name());
        JsonNode first = reads.path(1);
        assertThat(first.path("readerId").asString()).isEqualTo("coordinator-1");
        assertThat(first.path("readerRole").asString()).isEqualTo("COORDINATOR");
        assertThat(first.path("what").asString()).isEqualTo("READ_MEMBER");
        assertThat(first.path("why").asString()).isEqualTo("SUPPORT_REQUEST");
        assertThat(first.path("at").asString()).isNotBlank();

        List<Document> months = mongo.find(Query.query(Criteria.where("memberId").is(sam)), Document.class,
                ReadLog.COLLECTION);
        assertThat(months).as("one document for the member's month, the looks appended").hasSize(1);
        assertThat(months.get(0).getString("_id")).startsWith(given.timebank + "/" + sam + "/");
    }

    @Test
    void aMembersOwnReadsAreNotKept() {
        String sam = given.aMember("Sam");

        assertThat(read("/members/" + sam, given.as(sam), null).status()).isEqualTo(200);
        assertThat(read("/members/" + sam + "/statement", given.as(sam), null).status()).isEqualTo(200);

        assertThat(reads(sam, given.as(sam)).size()).isZero();
    }

    @Test
    void aLookAtAContributionIsKeptForBothItsSides() {
        String sam = given.aMember("Sam");
        String ali = given.aMember("Ali");
        ApiClient.Response logged = given.logGiven(sam, ali, 60);
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        String contribution = logged.text("id");

        assertThat(read("/contributions/" + contribution, given.as(ali), null).status()).isEqualTo(200);
        assertThat(reads(ali, given.as(ali)).size()).as("a party's read is not a look to report").isZero();

        assertThat(read("/contributions/" + contribution, given.coordinator(), "DISPUTE").status()).isEqualTo(200);
        for (String side : List.of(sam, ali)) {
            JsonNode reads = reads(side, given.as(side));
            assertThat(reads.size()).isEqualTo(1);
            assertThat(reads.path(0).path("what").asString()).isEqualTo("READ_CONTRIBUTION");
            assertThat(reads.path(0).path("why").asString()).isEqualTo("DISPUTE");
        }
    }

    @Test
    void anotherMemberMayNotListSomeoneElsesReadsButAnAdminMay() {
        String sam = given.aMember("Sam");
        String ali = given.aMember("Ali");

        ApiClient.Response refused = given.api.get(given.path("/members/" + sam + "/reads"), given.as(ali));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(given.api.get(given.path("/members/" + sam + "/reads"), given.coordinator()).status()).isEqualTo(403);
        assertThat(given.api.get(given.path("/members/" + sam + "/reads"), given.admin()).status()).isEqualTo(200);
    }

    @Test
    void aReasonWeDoNotKnowIsRefusedAndNothingIsShownOrKept() {
        String sam = given.aMember("Sam");

        ApiClient.Response refused = read("/members/" + sam, given.coordinator(), "JUST_CURIOUS");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("read-reason-unknown");
        assertThat(refused.body()).doesNotContain("Sam");
        assertThat(reads(sam, given.as(sam)).size()).isZero();
    }

    private ApiClient.Response read(String path, String token, String reason) {
        Map<String, String> headers = reason == null ? Map.of() : Map.of(ReadReason.HEADER, reason);
        return given.api.send("GET", given.path(path), token, headers, null);
    }

    private JsonNode reads(String member, String token) {
        ApiClient.Response r = given.api.get(given.path("/members/" + member + "/reads"), token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
