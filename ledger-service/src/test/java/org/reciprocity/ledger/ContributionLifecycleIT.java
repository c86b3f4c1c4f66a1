package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.kit.problem.Wording;
import org.reciprocity.ledger.book.LedgerRefusal;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/** A contribution's whole life through the HTTP API, MongoDB and the broker. */
@ServiceIntegrationTest
class ContributionLifecycleIT {

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
    void aContributionLoggedByTheGiverAndValidatedByTheReceiverPostsOneTransferAndThanksTheGiver() {
        ApiClient.Response logged = given.logGiven(sam, ali, 90);
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        assertThat(logged.text("state")).isEqualTo("LOGGED");
        assertThat(logged.text("awaitingValidationBy")).isEqualTo(ali);
        String id = logged.text("id");
        assertThat(given.api.get(given.path("/members/" + ali + "/pending-validations"), given.as(ali)).json()
                .valueStream().map(c -> c.path("id").asString())).contains(id);

        ApiClient.Response validated = given.validate(id, ali, "Thank you, Sam!");

        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(validated.text("state")).isEqualTo("VALIDATED");
        assertThat(given.balance(sam)).isEqualTo(90);
        assertThat(given.balance(ali)).isEqualTo(-90);
        assertThat(given.sumOfBalances()).isZero();
        ConsumerRecord<String, byte[]> thanks = await(Topics.CONTRIBUTIONS_TOPIC, id, "reciprocity.ContributionValidated.v1");
        assertThat(new String(thanks.value())).as("a member's words stay off the topic (issue 18)")
                .doesNotContain("Thank you, Sam!");
        assertThat(given.api.get(given.path("/contributions/" + id), given.as(sam)).text("note"))
                .as("and with the contribution, where its parties read them").isEqualTo("Thank you, Sam!");
        await(Topics.LEDGER_TOPIC, given.timebank, "reciprocity.TransferPosted.v1");
        List<String> typesInOrder = TopicProbe.readAll(SharedInfrastructure.get().kafkaBootstrapServers(),
                        Topics.CONTRIBUTIONS_TOPIC, Duration.ofSeconds(3)).stream()
                .filter(r -> id.equals(r.key())).map(r -> CloudEventHeaders.get(r.headers(), "ce_type")).toList();
        assertThat(typesInOrder).as("a contribution's events in the order they happened")
                .containsExactly("reciprocity.ContributionLogged.v1", "reciprocity.ContributionValidated.v1");
        assertThat(mongo.getCollection("contributions").find(new Document("_id", given.timebank + "/" + id)).first()
                .getList("outbox", Object.class, List.of())).as("the contribution's outbox is emptied once published").isEmpty();
        assertThat(mongo.getCollection("ledger_entries").find().into(new java.util.ArrayList<>()).stream()
                .filter(e -> e.getString("_id").startsWith(given.timebank + "/"))
                .flatMap(e -> e.getList("outbox", Object.class, List.of()).stream()))
                .as("the entries' outboxes are emptied once published").isEmpty();
    }

    @Test
    void theLoggerCannotValidateTheirOwnContribution() {
        String id = given.logGiven(sam, ali, 30).text("id");

        ApiClient.Response refused = given.validate(id, sam, "me");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("logger-cannot-confirm");
        assertThat(refused.text("type")).isEqualTo("urn:reciprocity:problem:logger-cannot-confirm");
        assertThat(given.balance(sam)).isZero();
    }

    @Test
    void aLogThatWouldBreakALimitIsRefusedInWordsAndPendingLogsCountTogether() {
        ApiClient.Response first = given.logGiven(sam, ali, 400);
        ApiClient.Response byAli = given.api.post(given.path("/contributions"), given.as(ali),
                given.logBody(sam, ali, 300, "RECEIVER"), Map.of("Accept-Language", "fr"));
        ApiClient.Response bySam = given.logGiven(sam, ali, 300);

        assertThat(first.status()).isEqualTo(201);
        assertThat(byAli.status()).isEqualTo(422);
        assertThat(byAli.contentType()).startsWith("application/problem+json");
        assertThat(byAli.code()).as("Ali's own account: she is told its figures").isEqualTo("below-minimum");
        assertThat(byAli.json().path("params").path("pendingMinutes").asLong()).isEqualTo(400);
        assertThat(byAli.json().path("params").path("limitMinutes").asLong()).isEqualTo(-600);
        assertThat(byAli.text("detail")).as("worded in the reader's language, with her figures")
                .isEqualTo(Wording.words(LedgerRefusal.BELOW_MINIMUM, Map.of("whose", "YOURS", "limit", "-10 h",
                        "balance", "0 min", "pending", "6 h 40 min"), Locale.FRENCH));
        assertThat(bySam.code()).as("Ali's figures are not Sam's to read").isEqualTo("other-party-cannot-take-this");
        assertThat(bySam.json().path("params").isEmpty()).as(bySam.body()).isTrue();
    }

    @Test
    void aDisputeIsResolvedByACoordinatorWithAmendedMinutes() {
        String id = given.logGiven(sam, ali, 120).text("id");
        assertThat(given.api.post(given.path("/contributions/" + id + "/dispute"), given.as(ali),
                Map.of("reason", "It was one hour")).text("state")).isEqualTo("DISPUTED");

        ApiClient.Response resolved = given.api.post(given.path("/contributions/" + id + "/resolution"),
                given.coordinator(), Map.of("minutes", 60, "note", "Agreed on one hour"));

        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().path("postedMinutes").asLong()).isEqualTo(60);
        assertThat(given.balance(sam)).isEqualTo(60);
        assertThat(given.sumOfBalances()).isZero();
    }

    @Test
    void aWithdrawnContributionReleasesItsPendingMinutes() {
        String id = given.logGiven(sam, ali, 500).text("id");

        assertThat(given.api.post(given.path("/contributions/" + id + "/withdrawal"), given.as(sam), "").status())
                .isEqualTo(200);

        ApiClient.Response account = given.api.get(given.path("/accounts/" + ali), given.admin());
        assertThat(account.json().path("debitsPending").asLong()).isZero();
        assertThat(given.logGiven(sam, ali, 500).status()).isEqualTo(201);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstAnswerAndADifferentBodyIs422() {
        Map<String, String> key = Map.of("Idempotency-Key", "log-once-" + given.timebank);
        ApiClient.Response first = given.api.post(given.path("/contributions"), given.as(sam),
                given.logBody(sam, ali, 45, "GIVER"), key);
        ApiClient.Response retry = given.api.post(given.path("/contributions"), given.as(sam),
                given.logBody(sam, ali, 45, "GIVER"), key);
        ApiClient.Response different = given.api.post(given.path("/contributions"), given.as(sam),
                given.logBody(sam, ali, 46, "GIVER"), key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(different.status()).isEqualTo(422);
        assertThat(mongo.getCollection("contributions")
                .countDocuments(new Document("contribution.timebankId", given.timebank))).isEqualTo(1);
    }

    @Test
    void aReversedContributionSaysWhichTransferReversedItAndASecondReversalPostsNothing() {
        String id = given.logGiven(sam, ali, 45).text("id");
        String transfer = given.validate(id, ali, "thanks").text("transferId");
        assertThat(given.api.get(given.path("/contributions/" + id), given.coordinator()).json().hasNonNull("reversedBy"))
                .as("not reversed yet").isFalse();

        ApiClient.Response first = given.api.post(given.path("/transfers/" + transfer + "/reversal"),
                given.coordinator(), Map.of("reason", "Logged for the wrong day"));
        ApiClient.Response again = given.api.post(given.path("/transfers/" + transfer + "/reversal"),
                given.coordinator(), Map.of("reason", "Logged for the wrong day"));

        assertThat(List.of(first.status(), again.status())).containsOnly(201);
        assertThat(again.text("transferId")).isEqualTo(first.text("transferId"));
        assertThat(given.api.get(given.path("/contributions/" + id), given.coordinator()).text("reversedBy"))
                .isEqualTo(first.text("transferId"));
        assertThat(given.balance(sam)).isZero();
        assertThat(given.sumOfBalances()).isZero();
    }

    /**
     * A correction changes two documents, its words ({@code corrections}) and the ledger's reversal.
     * The words go first: a crash after them leaves words nobody is shown and no reversal; the
     * coordinator's retry posts it with its words; once posted, a request asked again keeps them.
     */
    @Test
    void aCrashAfterACorrectionsWordsLeavesNoReversalWithoutWordsAndTheRetryPostsBoth() {
        String id = given.logGiven(sam, ali, 45).text("id");
        String transfer = given.validate(id, ali, "thanks").text("transferId");
        String reversalId = "r:" + transfer;
        // the state a crash between the two writes leaves: the words written, the reversal not posted
        mongo.getCollection("corrections").insertOne(new Document("_id", given.timebank + "/" + reversalId)
                .append("timebankId", given.timebank).append("transferId", reversalId).append("reverses", transfer)
                .append("accounts", List.of(sam, ali)).append("by", "coordinator-1").append("reason", "Wrong day"));
        JsonNode meanwhile = given.api.get(given.path("/contributions/" + id), given.as(sam)).json();
        assertThat(meanwhile.hasNonNull("reversedBy")).as("no reversal").isFalse();
        assertThat(meanwhile.hasNonNull("reversalReason")).as("words of nothing are not shown").isFalse();

        ApiClient.Response refused = given.api.post(given.path("/transfers/" + transfer + "/reversal"),
                given.coordinator(), Map.of("reason", "\u00a0\u200b"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(mongo.getCollection("corrections").countDocuments(new Document("_id", given.timebank + "/" + reversalId)))
                .as("a refused correction keeps no words").isZero();

        ApiClient.Response retried = given.api.post(given.path("/transfers/" + transfer + "/reversal"),
                given.coordinator(), Map.of("reason", "Logged for the wrong day"));
        ApiClient.Response askedAgain = given.api.post(given.path("/transfers/" + transfer + "/reversal"),
                given.coordinator(), Map.of("reason", "Other words"));

        assertThat(List.of(retried.status(), askedAgain.status())).containsOnly(201);
        JsonNode reversed = given.api.get(given.path("/contributions/" + id), given.as(sam)).json();
        assertThat(reversed.path("reversedBy").asString()).isEqualTo(reversalId);
        assertThat(reversed.path("reversalReason").asString()).as("the words it was posted with")
                .isEqualTo("Logged for the wrong day");
        assertThat(given.sumOfBalances()).isZero();
    }

    @Test
    void redemptionGiftAndACorrectionAreNewEntriesAndTheBooksStillBalance() {
        String course = given.anOrganisation("Recovery College");
        String id = given.logGiven(sam, ali, 240).text("id");
        given.validate(id, ali, "thanks");

        ApiClient.Response redeemed = given.api.post(given.path("/redemptions"), given.as(sam),
                Map.of("organisationId", course, "minutes", 60, "offer", "First-aid course"));
        ApiClient.Response gifted = given.api.post(given.path("/gifts"), given.as(sam),
                Map.of("toAccountId", ali, "minutes", 30, "note", "for you"), Map.of("Accept-Language", "fr"));
        ApiClient.Response reversed = given.api.post(given.path("/transfers/" + gifted.text("transferId") + "/reversal"),
                given.coordinator(), Map.of("reason", "Sent to the wrong person"));

        assertThat(List.of(redeemed.status(), gifted.status(), reversed.status())).containsOnly(201);
        assertThat(given.balance(sam)).isEqualTo(240 - 60);
        assertThat(given.balance(course)).isEqualTo(60);
        assertThat(given.sumOfBalances()).isZero();
        JsonNode statement = given.api.get(given.path("/members/" + sam + "/statement"),
                given.as(sam)).json();
        List<String> lines = statement.valueStream().map(l -> l.path("reason").asString()).toList();
        assertThat(lines).containsExactly("CONTRIBUTION", "REDEMPTION", "GIFT", "REVERSAL");
        assertThat(statement.valueStream().map(l -> l.path("with").asString()).toList())
                .as("each line names the other account as Sam knows it, not by its id")
                .containsExactly("Ali", "Recovery College", "Ali", "Ali");
        assertThat(statement.get(0).path("direction").asString()).as("kept for programs").isEqualTo("IN");
        assertThat(statement.get(0).path("description").asString()).as("and said in words").contains("4 h", "Ali");
        assertThat(gifted.text("description")).as("in the reader's language").contains("30 min", "Ali")
                .isNotEqualTo(statement.get(2).path("description").asString());
        ApiClient.Response csv = given.api.get(given.path("/members/" + sam + "/statement.csv"), given.as(sam));
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines()).hasSize(5).first().asString().startsWith("sequence,posted_at");
    }

    @Test
    void aGroupRegisterIsValidatedOnceByStaffAndResendingItPostsNothingTwice() {
        String forum = given.anOrganisation("User forum", "staff-9");
        Map<String, Object> register = Map.of("id", "forum-" + given.timebank, "organisationId", forum,
                "title", "Service design workshop", "kind", "SERVICE_CO_DESIGNED",
                "happenedOn", given.logBody(sam, ali, 1, "GIVER").get("happenedOn"),
                "attendances", List.of(Map.of("memberId", sam, "minutes", 120), Map.of("memberId", ali, "minutes", 90)));

        assertThat(given.api.post(given.path("/group-activities"), given.coordinator(), register).status()).isEqualTo(201);
        assertThat(given.api.post(given.path("/group-activities"), given.coordinator(), register).status()).isEqualTo(201);
        ApiClient.Response validated = given.api.post(given.path("/group-activities/forum-" + given.timebank + "/validation"),
                given.tokens.token("staff-9", given.timebank, "STAFF"), Map.of("note", "Thank you both"));

        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(given.balance(sam)).isEqualTo(120);
        assertThat(given.balance(ali)).isEqualTo(90);
        assertThat(given.balance(forum)).isEqualTo(-210);
        assertThat(given.api.get(given.path("/ledger/verification"), given.admin()).json().path("entriesChecked").asLong())
                .isEqualTo(2);
    }

    @Test
    void aRegisterRefusedOverOneAttendeeNamesThemAsTheOrganiserKnowsThemAndTellsStaffNoStatus() {
        String forum = given.anOrganisation("User forum", "staff-9");
        given.api.post(given.path("/members/" + ali + "/suspension"), given.coordinator(), Map.of("reason", "a break"));
        Map<String, Object> register = Map.of("id", "forum-" + given.timebank, "organisationId", forum,
                "title", "Service design workshop", "kind", "SERVICE_CO_DESIGNED",
                "happenedOn", given.logBody(sam, ali, 1, "GIVER").get("happenedOn"),
                "attendances", List.of(Map.of("memberId", sam, "minutes", 60), Map.of("memberId", ali, "minutes", 60)));

        ApiClient.Response toCoordinator = given.api.post(given.path("/group-activities"), given.coordinator(), register);
        ApiClient.Response toStaff = given.api.post(given.path("/group-activities"),
                given.tokens.token("staff-9", given.timebank, "MEMBER"), register);

        assertThat(toCoordinator.code()).isEqualTo("attendee-suspended");
        assertThat(toCoordinator.text("detail")).contains("Ali").doesNotContain(ali);
        assertThat(toStaff.code()).as(toStaff.body()).isEqualTo("attendee-refused");
        assertThat(toStaff.json().path("params").path("cause").asString()).isEqualTo("other-party-cannot-take-this");
        assertThat(toStaff.text("detail")).contains("Ali").doesNotContain(ali).doesNotContain("hold");
    }

    @Test
    void aSuspendedMemberCannotLogOrSpend() {
        given.api.post(given.path("/members/" + sam + "/suspension"), given.coordinator(), Map.of("reason", "a break"));

        ApiClient.Response refused = given.logGiven(sam, ali, 30);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("suspended-cannot-log");
    }

    @Test
    void editingOneStoredEntryByHandMakesTheVerificationNameThatEntry() {
        for (int i = 0; i < 3; i++) {
            given.validate(given.logGiven(sam, ali, 10 + i).text("id"), ali, "thanks");
        }
        assertThat(given.api.get(given.path("/ledger/verification"), given.admin()).json().path("intact").asBoolean()).isTrue();

        mongo.getCollection("ledger_entries").updateOne(new Document("_id", given.timebank + "/000000000002"),
                new Document("$set", new Document("entry.minutes", 600L)));

        ApiClient.Response verification = given.api.get(given.path("/ledger/verification"), given.admin());
        assertThat(verification.json().path("intact").asBoolean()).isFalse();
        assertThat(verification.json().path("brokenAtSequence").asLong()).isEqualTo(2);
        assertThat(verification.text("problem")).contains("changed after it was posted");
    }

    private ConsumerRecord<String, byte[]> await(String topic, String key, String type) {
        List<ConsumerRecord<String, byte[]>> seen = TopicProbe.readUntil(SharedInfrastructure.get().kafkaBootstrapServers(),
                topic, r -> key.equals(r.key()) && type.equals(CloudEventHeaders.get(r.headers(), "ce_type")),
                Duration.ofSeconds(20));
        return seen.stream().filter(r -> key.equals(r.key()) && type.equals(CloudEventHeaders.get(r.headers(), "ce_type")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " keyed " + key + " on " + topic));
    }
}
