package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Issue 16, a coordinator's members through HTTP, MongoDB and the broker: the list by name, a
 * page at a time; a paper-first member registered with their consent, and hours logged for them;
 * details changed; suspension and reactivation with their reasons. Bad input changes nothing.
 */
@ServiceIntegrationTest
class CoordinatorMembersIT {

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
    void aCoordinatorFindsMembersByAnyPartOfTheirNameAPageAtATime() {
        given.aMember("Samira Khan");
        given.aMember("Sam O'Neil");
        given.aMember("Ali");

        ApiClient.Response found = given.api.get(given.path("/members?name=SAM&size=1"), given.coordinator());

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("total").asLong()).isEqualTo(2);
        assertThat(found.json().path("members").size()).isEqualTo(1);
        assertThat(found.json().path("members").path(0).path("displayName").asString()).isEqualTo("Sam O'Neil");
        ApiClient.Response second = given.api.get(given.path("/members?name=sam&size=1&page=1"), given.coordinator());
        assertThat(second.json().path("members").path(0).path("displayName").asString()).isEqualTo("Samira Khan");
        assertThat(second.json().path("members").path(0).path("status").asString()).isEqualTo("ACTIVE");
        assertThat(given.api.get(given.path("/members?name=.*"), given.coordinator()).json().path("total").asLong())
                .as("what is typed is text to find, not a pattern").isZero();
        assertThat(given.api.get(given.path("/members"), given.as(given.aMember("Bo"))).status()).isEqualTo(403);
    }

    @Test
    void theListIsOnePageWhateverTheSizeOfTheTimebank() {
        List<Document> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(new Document("_id", UUID.randomUUID().toString()).append("timebankId", given.timebank)
                    .append("kind", "NEIGHBOUR").append("displayName", "Member %05d".formatted(i))
                    .append("language", "en").append("roles", List.of("MEMBER")).append("status", "ACTIVE")
                    .append("registeredAt", new Date()));
        }
        mongo.insert(many, "members");

        ApiClient.Response page = given.api.get(given.path("/members?name=member%2009&page=2&size=100"), given.coordinator());
        ApiClient.Response tooBig = given.api.get(given.path("/members?size=1000"), given.coordinator());

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().path("total").asLong()).isEqualTo(1000);
        assertThat(page.json().path("members").size()).isEqualTo(100);
        assertThat(page.json().path("members").path(0).path("displayName").asString()).isEqualTo("Member 09200");
        assertThat(tooBig.status()).as("a page is at most 100 members").isEqualTo(400);
    }

    @Test
    void aPaperFirstMemberIsRegisteredWithTheirConsentAndACoordinatorLogsHoursForThem() {
        String ali = given.aMember("Ali");
        ApiClient.Response registered = given.api.post(given.path("/paper-first-members"), given.coordinator(),
                paperFirst("Pat", "Pat agreed that the coordinator and Kim may log the hours Pat gives."));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String pat = registered.text("id");
        assertThat(registered.json().path("paperFirst").asBoolean()).isTrue();
        assertThat(registered.json().path("consent").path("recordedBy").asString()).isEqualTo("coordinator-1");
        assertThat(registered.json().path("consent").path("recordedAt").asString()).isNotBlank();
        assertThat(registered.text("contact")).isEqualTo("Phone 0161 000 0000, afternoons");

        // the coordinator says nothing of consent: the ledger finds it on Pat's record
        Map<String, Object> body = given.logBody(pat, ali, 60, "GIVER");
        ApiClient.Response logged = given.api.post(given.path("/contributions"), given.coordinator(), body);

        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        assertThat(logged.text("actorId")).isEqualTo("coordinator-1");
        assertThat(logged.text("onBehalfOf")).isEqualTo(pat);
        assertThat(logged.text("awaitingValidationBy")).isEqualTo(ali);
        ApiClient.Response record = given.api.get(given.path("/members/" + pat + "/record"), given.coordinator());
        assertThat(record.json().path("consent").path("agreedTo").asString()).startsWith("Pat agreed");
    }

    @Test
    void aSupporterSeesWhomTheySupportLogsForThemAndNoMoreOnceConsentIsWithdrawn() {
        String ali = given.aMember("Ali");
        String kim = given.aMember("Kim");
        String stranger = given.aMember("Bo");
        String pat = given.api.post(given.path("/paper-first-members"), given.coordinator(),
                paperFirst("Pat", "Pat agreed that Kim may log the hours Pat gives.")).text("id");
        assertThat(given.api.post(given.path("/members/" + pat + "/supporters"), given.coordinator(),
                Map.of("supporterId", kim)).status()).isEqualTo(204);

        ApiClient.Response supported = given.api.get(given.path("/members/" + kim + "/supported"), given.as(kim));

        assertThat(supported.status()).as(supported.body()).isEqualTo(200);
        assertThat(supported.json().path("members").size()).isEqualTo(1);
        assertThat(supported.json().path("members").path(0).path("memberId").asString()).isEqualTo(pat);
        assertThat(supported.json().path("members").path(0).path("displayName").asString()).isEqualTo("Pat");
        assertThat(given.api.get(given.path("/members/" + stranger + "/supported"), given.as(stranger))
                .json().path("members").size()).as("nobody named Bo").isZero();
        assertThat(given.api.get(given.path("/members/" + kim + "/supported"), given.as(stranger)).status())
                .as("another member may not ask whom Kim supports").isEqualTo(403);
        assertThat(given.api.get(given.path("/members/" + kim + "/supported"), given.coordinator()).status()).isEqualTo(200);

        ApiClient.Response logged = given.api.post(given.path("/contributions"), given.as(kim),
                given.logBody(pat, ali, 60, "GIVER"));
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        assertThat(logged.text("actorId")).isEqualTo(kim);
        assertThat(logged.text("onBehalfOf")).isEqualTo(pat);

        assertThat(given.api.send("DELETE", given.path("/members/" + pat + "/supporters/" + kim), given.coordinator(), null)
                .status()).isEqualTo(204);
        ApiClient.Response refused = given.api.post(given.path("/contributions"), given.as(kim),
                given.logBody(pat, ali, 30, "GIVER"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("not-coordinator-or-supporter");
        assertThat(given.api.get(given.path("/members/" + kim + "/supported"), given.as(kim)).json().path("members").size())
                .as("consent withdrawn: Pat is no longer listed").isZero();
    }

    @Test
    void withoutConsentOnRecordACoordinatorCannotLogForAMember() {
        String sam = given.aMember("Sam");
        String ali = given.aMember("Ali");

        ApiClient.Response logged = given.api.post(given.path("/contributions"), given.coordinator(),
                given.logBody(sam, ali, 60, "GIVER"));

        assertThat(logged.status()).as(logged.body()).isEqualTo(422);
        assertThat(logged.code()).isEqualTo("consent-needed");
    }

    @Test
    void aPaperFirstMemberWithoutConsentWrittenDownIsNotRegistered() {
        long before = members();

        ApiClient.Response noConsent = given.api.post(given.path("/paper-first-members"), given.coordinator(),
                paperFirst("Pat", " "));
        ApiClient.Response longContact = given.api.post(given.path("/paper-first-members"), given.coordinator(),
                Map.of("kind", "SERVICE_USER", "displayName", "Pat", "consent", "Agreed", "contact", "x".repeat(201)));

        assertThat(noConsent.status()).isEqualTo(400);
        assertThat(longContact.status()).isEqualTo(400);
        assertThat(members()).as("nothing registered").isEqualTo(before);
    }

    @Test
    void aCoordinatorChangesAMembersDetailsAndBadDetailsChangeNothing() {
        String sam = given.aMember("Sam");

        ApiClient.Response edited = given.api.send("PATCH", given.path("/members/" + sam), given.coordinator(),
                Map.of("displayName", "Samuel", "email", "Samuel@Example.org", "language", "fr", "kind", "CARER"));
        ApiClient.Response bad = given.api.send("PATCH", given.path("/members/" + sam), given.coordinator(),
                Map.of("displayName", "Sam again", "language", "de"));
        ApiClient.Response byAMember = given.api.send("PATCH", given.path("/members/" + sam), given.as(sam),
                Map.of("displayName", "Me"));

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("language-unknown");
        assertThat(byAMember.status()).isEqualTo(403);
        ApiClient.Response now = given.api.get(given.path("/members/" + sam + "/record"), given.coordinator());
        assertThat(now.text("displayName")).isEqualTo("Samuel");
        assertThat(now.text("email")).isEqualTo("samuel@example.org");
        assertThat(now.text("language")).isEqualTo("fr");
        assertThat(now.text("kind")).isEqualTo("CARER");
    }

    @Test
    void suspensionAndReactivationKeepTheirReasonsOnTheRecord() {
        String sam = given.aMember("Sam");

        given.api.post(given.path("/members/" + sam + "/suspension"), given.coordinator(), Map.of("reason", "Asked for a break"));
        ApiClient.Response suspended = given.api.get(given.path("/members/" + sam + "/record"), given.coordinator());
        given.api.post(given.path("/members/" + sam + "/reactivation"), given.coordinator(), Map.of("reason", "Back from the break"));
        ApiClient.Response active = given.api.get(given.path("/members/" + sam + "/record"), given.coordinator());

        assertThat(suspended.text("status")).isEqualTo("SUSPENDED");
        assertThat(suspended.text("statusReason")).isEqualTo("Asked for a break");
        assertThat(active.text("status")).isEqualTo("ACTIVE");
        assertThat(active.text("statusReason")).isEqualTo("Back from the break");
        assertThat(active.text("statusChangedBy")).isEqualTo("coordinator-1");
    }

    @Test
    void theListShowsWhenAMembersAccountLastMoved() {
        String sam = given.aMember("Sam");
        String ali = given.aMember("Ali");
        ApiClient.Response logged = given.logGiven(sam, ali, 30);
        given.validate(logged.text("id"), ali, "Thank you");

        ApiClient.Response found = given.api.get(given.path("/members?name=sam"), given.coordinator());

        Instant registered = Instant.parse(found.json().path("members").path(0).path("registeredAt").asString());
        Instant last = Instant.parse(found.json().path("members").path(0).path("lastActivityAt").asString());
        assertThat(last).isAfter(registered);
    }

    private Map<String, Object> paperFirst(String name, String consent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "SERVICE_USER");
        body.put("displayName", name);
        body.put("language", "en");
        body.put("contact", "Phone 0161 000 0000, afternoons");
        body.put("consent", consent);
        return body;
    }

    private long members() {
        return mongo.count(Query.query(Criteria.where("timebankId").is(given.timebank)), "members");
    }
}
