package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 11, findings 2, 3, 6 and 8, through the real HTTP API: ids from one safe alphabet, values
 * taken as sent or refused, no control characters, bounded bodies and lists, and a statement CSV
 * a spreadsheet cannot run. Every refusal is a 400 (or 413) problem and writes nothing.
 */
@ServiceIntegrationTest
class HostileInputIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    LedgerFixture given;
    String sam;
    String ali;

    @BeforeEach
    void aTimebankWithTwoMembers() {
        given = new LedgerFixture(port);
        sam = given.aMember("Sam");
        ali = given.aMember("Ali");
    }

    @Test
    void idsThatCouldNeverBeAddressedAgainAreRefusedAndNothingIsWritten() {
        for (String hostile : new String[] {"a\u0000b", "a\nb", "a/b", "../x", "a%b", "a;b", "a\\b", "a b",
                "=HYPERLINK(\"https://evil.example\")", "x".repeat(101)}) {
            Map<String, Object> log = given.logBody(sam, ali, 10, "GIVER");
            log.put("id", hostile);
            Map<String, Object> logWithHostileMatch = given.logBody(sam, ali, 10, "GIVER");
            logWithHostileMatch.put("matchId", hostile);

            assertRefused(given.api.post(given.path("/contributions"), given.as(sam), log), hostile);
            assertRefused(given.api.post(given.path("/contributions"), given.as(sam), logWithHostileMatch), hostile);
            assertRefused(given.api.post(given.path("/gifts"), given.as(sam),
                    Map.of("id", hostile, "toAccountId", ali, "minutes", 5)), hostile);
            assertRefused(given.api.post(given.path("/members/" + sam + "/supporters"), given.as(sam),
                    Map.of("supporterId", hostile)), hostile);
            assertRefused(given.api.post(given.path("/organisations"), given.admin(),
                    Map.of("name", "Forum", "staffIds", List.of(hostile))), hostile);
        }
        assertNothingWritten();
    }

    @Test
    void anIdInTheAddressOutsideTheAlphabetIsAProblemBeforeAnythingIsRead() {
        for (String hostile : new String[] {"a%20b", "%3D1%2B1", "%C3%A9t%C3%A9", "x".repeat(203)}) {
            ApiClient.Response read = given.api.get(given.path("/contributions/" + hostile), given.as(sam));
            ApiClient.Response reversal = given.api.post(given.path("/transfers/" + hostile + "/reversal"),
                    given.coordinator(), Map.of("reason", "wrong person"));

            for (ApiClient.Response answer : List.of(read, reversal)) {
                assertThat(answer.status()).as(hostile + " " + answer.body()).isEqualTo(400);
                assertThat(answer.code()).isEqualTo("invalid-value");
            }
        }
        assertThat(given.api.get(given.path("/contributions/r:gift-1"), given.as(sam)).status())
                .as("a derived id is still an id").isIn(403, 404);
    }

    @Test
    void aValueIsTakenAsSentOrRefusedNeverChanged() {
        String college = given.anOrganisation("Recovery College");
        List<ApiClient.Response> answers = new ArrayList<>();
        answers.add(given.api.post(given.path("/contributions"), given.as(sam), withField("minutes", 5.5)));
        answers.add(given.api.post(given.path("/contributions"), given.as(sam), withField("minutes", "5")));
        answers.add(given.api.post(given.path("/contributions"), given.as(sam), withField("description", 42)));
        answers.add(given.api.post(given.path("/contributions"), given.as(sam), withField("consentRecorded", "yes")));
        answers.add(given.api.post(given.path("/contributions"), given.as(sam), withField("side", 0)));
        answers.add(given.api.post(given.path("/gifts"), given.as(sam), Map.of("toAccountId", ali, "minutes", 5, "note", 42)));
        answers.add(given.api.post(given.path("/redemptions"), given.as(sam),
                Map.of("organisationId", college, "minutes", 1.5, "offer", "Course")));

        for (ApiClient.Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("invalid-fields");
            assertThat(answer.json().path("errors").get(0).path("field").asString()).isNotBlank();
        }
        assertThat(answers.get(0).json().path("errors").get(0).path("field").asString()).isEqualTo("minutes");
        assertNothingWritten();
        assertThat(given.balance(college)).isZero();
    }

    @Test
    void controlCharactersAreRefusedInAnyTextButLinesInANoteAreKept() {
        for (String control : new String[] {"\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0085"}) {
            ApiClient.Response description = given.api.post(given.path("/contributions"), given.as(sam),
                    withField("description", "A walk" + control));
            ApiClient.Response name = given.api.post(given.path("/members"), given.coordinator(),
                    Map.of("kind", "SERVICE_USER", "displayName", "Dee" + control));

            for (ApiClient.Response answer : List.of(description, name)) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(400);
                assertThat(answer.code()).isEqualTo("invalid-fields");
            }
        }
        assertNothingWritten();
        assertThat(mongo.getCollection("members").countDocuments(new Document("timebankId", given.timebank)
                .append("displayName", new Document("$regex", "^Dee")))).isZero();

        ApiClient.Response lines = given.api.post(given.path("/contributions"), given.as(sam),
                withField("description", "A walk,\r\n\tthen tea"));
        assertThat(lines.status()).as(lines.body()).isEqualTo(201);
        assertThat(lines.text("description")).isEqualTo("A walk,\r\n\tthen tea");
    }

    @Test
    void bodiesListsAndIdsAreBounded() {
        List<String> tooManyStaff = Collections.nCopies(201, "staff-1");
        List<String> hugeStaffIds = Collections.nCopies(17, "s".repeat(20_000));

        ApiClient.Response manyStaff = given.api.post(given.path("/organisations"), given.admin(),
                Map.of("name", "Forum", "staffIds", tooManyStaff));
        ApiClient.Response hugeStaff = given.api.post(given.path("/organisations"), given.admin(),
                Map.of("name", "Forum", "staffIds", hugeStaffIds));
        ApiClient.Response hugeKeyed = given.api.post(given.path("/organisations"), given.admin(),
                Map.of("name", "Forum", "staffIds", hugeStaffIds), Map.of("Idempotency-Key", "huge-" + given.timebank));
        ApiClient.Response manyReminders = given.api.put(given.path("/policy"), given.admin(), Map.ofEntries(
                Map.entry("zoneId", "Europe/London"), Map.entry("validationWindowDays", 14),
                Map.entry("reminderHoursBeforeDeadline", Collections.nCopies(11, 24)),
                Map.entry("memberMinimumMinutes", -600), Map.entry("memberMaximumMinutes", 6000),
                Map.entry("organisationMinimumMinutes", -6000), Map.entry("organisationMaximumMinutes", 60000),
                Map.entry("warningMarginMinutes", 60), Map.entry("logOnBehalfAllowed", true)));

        assertThat(manyStaff.status()).as(manyStaff.body()).isEqualTo(400);
        assertThat(manyStaff.code()).isEqualTo("invalid-fields");
        for (ApiClient.Response huge : List.of(hugeStaff, hugeKeyed)) {
            assertThat(huge.status()).as(huge.body()).isEqualTo(413);
            assertThat(huge.code()).isEqualTo("too-large");
        }
        assertThat(manyReminders.status()).as(manyReminders.body()).isEqualTo(400);
        assertThat(mongo.getCollection("organisations").countDocuments(new Document("timebankId", given.timebank))).isZero();
    }

    @Test
    void aStatementCsvShowsEveryIdAsTextNeverAsAFormula() {
        ApiClient.Response gift = given.api.post(given.path("/gifts"), given.as(sam),
                Map.of("id", "-2-3", "toAccountId", ali, "minutes", 5));
        assertThat(gift.status()).as(gift.body()).isEqualTo(201);

        ApiClient.Response csv = given.api.get(given.path("/members/" + sam + "/statement.csv"), given.as(sam));

        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).split(",", -1)).hasSize(11).contains("'-2-3", "-5", ali, "Ali");
    }

    private Map<String, Object> withField(String name, Object value) {
        Map<String, Object> body = given.logBody(sam, ali, 10, "GIVER");
        body.put(name, value);
        return body;
    }

    private void assertRefused(ApiClient.Response answer, String hostile) {
        assertThat(answer.status()).as(hostile + " " + answer.body()).isEqualTo(400);
        assertThat(answer.code()).as(hostile).isEqualTo("invalid-fields");
    }

    private void assertNothingWritten() {
        assertThat(mongo.getCollection("contributions").countDocuments(new Document("contribution.timebankId", given.timebank)))
                .isZero();
        assertThat(given.balance(sam)).isZero();
        assertThat(given.balance(ali)).isZero();
        ApiClient.Response account = given.api.get(given.path("/accounts/" + ali), given.admin());
        if (account.status() == 200) {
            assertThat(account.json().path("debitsPending").asLong()).isZero();
        }
        assertThat(given.api.get(given.path("/members/" + sam + "/supporters"), given.as(sam)).json()
                .path("supporterIds").size()).isZero();
    }
}
