package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10, ledger findings: private by default, nobody acts beyond their role, consent can be
 * withdrawn, and a permission refusal is a 403 with a code.
 */
@ServiceIntegrationTest
class AccessAndPrivacyIT {

    @LocalServerPort
    int port;

    private LedgerFixture given;
    private String sam;
    private String ali;
    private String kim;

    @BeforeEach
    void aTimebankWithThreeMembers() {
        given = new LedgerFixture(port);
        sam = given.aMember("Sam");
        ali = given.aMember("Ali");
        kim = given.aMember("Kim");
    }

    @Test
    void onlyThePartiesAndCoordinatorsReadAContributionItsDescriptionAndItsNotes() {
        String id = given.logGiven(sam, ali, 30).text("id");

        ApiClient.Response byAnotherMember = given.api.get(given.path("/contributions/" + id), given.as(kim));
        ApiClient.Response byAReviewer = given.api.get(given.path("/contributions/" + id), given.reviewer("stella"));

        assertThat(byAnotherMember.status()).isEqualTo(403);
        assertThat(byAnotherMember.code()).isEqualTo("not-permitted");
        assertThat(byAnotherMember.body()).doesNotContain("A walk and a talk").doesNotContain(sam);
        assertThat(byAReviewer.status()).isEqualTo(403);
        assertThat(given.api.get(given.path("/contributions/" + id), given.as(sam)).status()).isEqualTo(200);
        assertThat(given.api.get(given.path("/contributions/" + id), given.as(ali)).status()).isEqualTo(200);
        assertThat(given.api.get(given.path("/contributions/" + id), given.coordinator()).status()).isEqualTo(200);
    }

    @Test
    void aStrangerCannotTellAContributionThatDoesNotExistFromOneTheyMayNotSee() {
        String id = given.logGiven(sam, ali, 30).text("id");

        ApiClient.Response hidden = given.api.get(given.path("/contributions/" + id), given.as(kim));
        ApiClient.Response missing = given.api.get(given.path("/contributions/no-such-one"), given.as(kim));

        assertThat(hidden.status()).isEqualTo(missing.status()).isEqualTo(403);
        assertThat(hidden.code()).isEqualTo(missing.code());
    }

    @Test
    void aMembersDetailsAreForThemAndTheCoordinatorsOnly() {
        ApiClient.Response byAnotherMember = given.api.get(given.path("/members/" + sam), given.as(kim));
        ApiClient.Response byAReviewer = given.api.get(given.path("/members/" + sam), given.reviewer("stella"));

        assertThat(byAnotherMember.status()).isEqualTo(403);
        assertThat(byAnotherMember.body()).doesNotContain("SERVICE_USER");
        assertThat(byAReviewer.status()).isEqualTo(403);
        assertThat(given.api.get(given.path("/members/" + sam), given.as(sam)).text("kind")).isEqualTo("SERVICE_USER");
    }

    @Test
    void theStaffRoleAloneConfirmsNoMemberToMemberContribution() {
        String id = given.logGiven(sam, ali, 30).text("id");

        ApiClient.Response byStaff = given.api.post(given.path("/contributions/" + id + "/validation"),
                given.reviewer("stella"), Map.of("note", "ok"));

        assertThat(byStaff.status()).isEqualTo(403);
        assertThat(given.balance(sam)).isZero();
        assertThat(given.validate(id, ali, "Thank you").status()).isEqualTo(200);
    }

    @Test
    void aMemberSeesTheOrganisationsByNameButNotWhoTheirStaffAre() {
        String college = given.anOrganisation("Recovery college", "stella");
        String cafe = given.anOrganisation("Allotment cafe");

        ApiClient.Response listed = given.api.get(given.path("/organisations"), given.as(kim));

        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().valueStream().map(o -> o.path("name").asString()).toList())
                .containsExactly("Allotment cafe", "Recovery college");
        assertThat(listed.json().valueStream().map(o -> o.path("id").asString()).toList()).containsExactly(cafe, college);
        assertThat(listed.body()).doesNotContain("stella").doesNotContain("staffIds");
    }

    @Test
    void onlyTheStaffAnOrganisationListsConfirmItsGroupActivity() {
        String college = given.anOrganisation("Recovery college", "stella");
        Map<String, Object> register = Map.of("id", "course-" + given.timebank, "organisationId", college,
                "title", "Co-delivered course", "kind", "TRAINING_CO_DELIVERED",
                "happenedOn", given.logBody(sam, ali, 1, "GIVER").get("happenedOn"),
                "attendances", List.of(Map.of("memberId", sam, "minutes", 120)));
        assertThat(given.api.post(given.path("/group-activities"), given.coordinator(), register).status()).isEqualTo(201);
        String validation = given.path("/group-activities/course-" + given.timebank + "/validation");

        ApiClient.Response byUnlistedStaff = given.api.post(validation, given.reviewer("sid"), Map.of());
        ApiClient.Response byListedStaff = given.api.post(validation, given.reviewer("stella"), Map.of());

        assertThat(byUnlistedStaff.status()).isEqualTo(403);
        assertThat(byListedStaff.status()).as(byListedStaff.body()).isEqualTo(200);
        assertThat(given.balance(sam)).isEqualTo(120);
    }

    @Test
    void staffOfNoOrganisationCannotRecordAGroupRegisterForIt() {
        String college = given.anOrganisation("Recovery college", "stella");
        Map<String, Object> register = Map.of("id", "course-" + given.timebank, "organisationId", college,
                "title", "Co-delivered course", "kind", "TRAINING_CO_DELIVERED",
                "happenedOn", given.logBody(sam, ali, 1, "GIVER").get("happenedOn"),
                "attendances", List.of(Map.of("memberId", sam, "minutes", 120)));

        ApiClient.Response refused = given.api.post(given.path("/group-activities"), given.reviewer("sid"), register);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("not-organisation-staff");
        assertThat(given.api.post(given.path("/group-activities"), given.reviewer("stella"), register).status())
                .isEqualTo(201);
    }

    @Test
    void aMemberWithdrawsConsentAndTheirFormerSupporterCanNoLongerLogForThem() {
        assertThat(given.api.post(given.path("/members/" + sam + "/supporters"), given.as(sam),
                Map.of("supporterId", kim)).status()).isEqualTo(204);
        Map<String, Object> forSam = new java.util.HashMap<>(given.logBody(sam, ali, 30, "GIVER"));
        forSam.put("consentRecorded", true);
        assertThat(given.api.post(given.path("/contributions"), given.as(kim), forSam).status()).isEqualTo(201);

        ApiClient.Response withdrawn = given.api.delete(given.path("/members/" + sam + "/supporters/" + kim), given.as(sam));
        ApiClient.Response afterwards = given.api.post(given.path("/contributions"), given.as(kim), forSam);

        assertThat(withdrawn.status()).isEqualTo(204);
        assertThat(afterwards.status()).isEqualTo(403);
        assertThat(afterwards.code()).isEqualTo("not-coordinator-or-supporter");
        assertThat(given.api.get(given.path("/members/" + sam + "/supporters"), given.as(sam)).json()
                .path("supporterIds").size()).isZero();
    }

    @Test
    void aSupporterMayStepDownButNotRemoveSomeoneElsesSupporter() {
        given.api.post(given.path("/members/" + sam + "/supporters"), given.as(sam), Map.of("supporterId", kim));
        given.api.post(given.path("/members/" + sam + "/supporters"), given.as(sam), Map.of("supporterId", ali));

        ApiClient.Response removingAnother = given.api.delete(given.path("/members/" + sam + "/supporters/" + ali),
                given.as(kim));
        ApiClient.Response steppingDown = given.api.delete(given.path("/members/" + sam + "/supporters/" + kim),
                given.as(kim));

        assertThat(removingAnother.status()).isEqualTo(403);
        assertThat(steppingDown.status()).isEqualTo(204);
        assertThat(given.api.get(given.path("/members/" + sam + "/supporters"), given.as(sam)).json()
                .path("supporterIds").toString()).contains(ali).doesNotContain(kim);
    }

    @Test
    void aPermissionRefusalIsA403WithItsCodeNotA422() {
        String id = given.logGiven(sam, ali, 30).text("id");

        ApiClient.Response disputeByStranger = given.api.post(given.path("/contributions/" + id + "/dispute"),
                given.as(kim), Map.of("reason", "not me"));
        ApiClient.Response withdrawByReceiver = given.api.post(given.path("/contributions/" + id + "/withdrawal"),
                given.as(ali), Map.of());

        assertThat(disputeByStranger.status()).isEqualTo(403);
        assertThat(withdrawByReceiver.status()).isEqualTo(403);
        assertThat(withdrawByReceiver.code()).isEqualTo("only-logger-withdraws");
        assertThat(withdrawByReceiver.json().path("type").asString())
                .isEqualTo("urn:reciprocity:problem:only-logger-withdraws");
    }

    @Test
    void everyErrorCarriesACode() {
        ApiClient.Response unknownPath = given.api.get(given.path("/no-such-thing"), given.admin());
        ApiClient.Response wrongMethod = given.api.send("DELETE", given.path("/policy"), given.admin(), null);
        ApiClient.Response unsigned = given.api.get(given.path("/policy"), null);

        assertThat(List.of(unknownPath, wrongMethod, unsigned)).allSatisfy(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.code()).as(r.body()).isNotBlank();
            assertThat(r.text("type")).startsWith("urn:reciprocity:problem:");
        });
        assertThat(unsigned.code()).isEqualTo("not-signed-in");
    }
}
