package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16: an admin's changes to the policy and the organisations are recorded with who and when, in
 * the same write as the change, and read back newest first; a change refused as bad input records nothing.
 */
@ServiceIntegrationTest
class AdminAuditIT {

    @LocalServerPort
    int port;

    LedgerFixture given;

    @BeforeEach
    void setUp() {
        given = new LedgerFixture(port);
    }

    @Test
    void aLowerLimitIsRecordedWithWhoAndWhenAndTheLedgerThenRefusesWhatTheOldLimitAllowed() {
        String sam = given.aMember("Sam");
        String ali = given.aMember("Ali");
        Instant before = Instant.now();
        JsonNode policy = given.api.get(given.path("/policy"), given.admin()).json();
        ApiClient.Response set = given.api.put(given.path("/policy"), given.admin(), withMinimum(policy, -60));
        assertThat(set.status()).as(set.body()).isEqualTo(200);

        ApiClient.Response gift = given.api.post(given.path("/gifts"), given.as(sam),
                Map.of("toAccountId", ali, "minutes", 90));
        assertThat(gift.status()).as("1 h 30 min would take Sam below the new limit of -1 h: " + gift.body())
                .isGreaterThanOrEqualTo(400);

        JsonNode entry = audit().path("entries").path(0);
        assertThat(entry.path("action").asString()).isEqualTo("POLICY_CHANGED");
        assertThat(entry.path("by").asString()).isEqualTo("admin-1");
        assertThat(Instant.parse(entry.path("at").asString())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(entry.path("changes").path(0).path("what").asString()).isEqualTo("memberMinimumMinutes");
        assertThat(entry.path("changes").path(0).path("from").asString()).isEqualTo("-600");
        assertThat(entry.path("changes").path(0).path("to").asString()).isEqualTo("-60");
    }

    @Test
    void aPolicyRefusedAsBadInputChangesNothingAndRecordsNothing() {
        JsonNode policy = given.api.get(given.path("/policy"), given.admin()).json();
        ApiClient.Response refused = given.api.put(given.path("/policy"), given.admin(), withMinimum(policy, 60));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(given.api.get(given.path("/policy"), given.admin()).json().path("memberMinimumMinutes").asLong())
                .isEqualTo(-600);
        assertThat(audit().path("total").asInt()).isZero();
    }

    @Test
    void openingEditingAndStaffingAnOrganisationAreRecordedNewestFirst() {
        String staff = given.aMember("Kim");
        String organisation = given.anOrganisation("Riverside cafe");
        ApiClient.Response edited = given.api.put(given.path("/organisations/" + organisation), given.admin(),
                Map.of("name", "Riverside Cafe", "offers", List.of("A lunch", " A swim ", "", "A lunch")));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("offers").valueStream().map(JsonNode::asString).toList())
                .containsExactly("A lunch", "A swim");
        ApiClient.Response staffed = given.api.put(given.path("/organisations/" + organisation + "/staff"), given.admin(),
                Map.of("staffIds", List.of(staff)));
        assertThat(staffed.status()).as(staffed.body()).isEqualTo(200);

        JsonNode read = given.api.get(given.path("/organisations/" + organisation), given.coordinator()).json();
        assertThat(read.path("staffIds").path(0).asString()).isEqualTo(staff);
        assertThat(given.api.get(given.path("/organisations"), given.as(staff)).json().path(0).path("offers").path(1).asString())
                .as("members see what they may spend hours on").isEqualTo("A swim");

        JsonNode page = audit();
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.path("entries").valueStream().map(e -> e.path("action").asString()).toList())
                .containsExactly("STAFF_CHANGED", "ORGANISATION_EDITED", "ORGANISATION_OPENED");
        assertThat(page.path("entries").path(1).path("subjectName").asString()).isEqualTo("Riverside Cafe");

        JsonNode second = given.api.get(given.path("/audit?page=1&size=2"), given.admin()).json();
        assertThat(second.path("entries").size()).as("the second page of two").isEqualTo(1);
        assertThat(second.path("entries").path(0).path("action").asString()).isEqualTo("ORGANISATION_OPENED");
    }

    @Test
    void anEditThatIsNotValidChangesNothing() {
        String organisation = given.anOrganisation("Riverside cafe");
        ApiClient.Response refused = given.api.put(given.path("/organisations/" + organisation), given.admin(),
                Map.of("name", " ", "offers", List.of("A lunch")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(given.api.get(given.path("/organisations/" + organisation), given.admin()).json().path("name").asString())
                .isEqualTo("Riverside cafe");
        assertThat(audit().path("total").asInt()).as("only the opening").isEqualTo(1);
    }

    private JsonNode audit() {
        ApiClient.Response page = given.api.get(given.path("/audit"), given.admin());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json();
    }

    private static Map<String, Object> withMinimum(JsonNode policy, long minutes) {
        return Map.of("zoneId", policy.path("zoneId").asString(),
                "validationWindowDays", policy.path("validationWindowDays").asInt(),
                "reminderHoursBeforeDeadline", policy.path("reminderHoursBeforeDeadline").valueStream().map(JsonNode::asLong).toList(),
                "memberMinimumMinutes", minutes,
                "memberMaximumMinutes", policy.path("memberMaximumMinutes").asLong(),
                "organisationMinimumMinutes", policy.path("organisationMinimumMinutes").asLong(),
                "organisationMaximumMinutes", policy.path("organisationMaximumMinutes").asLong(),
                "warningMarginMinutes", policy.path("warningMarginMinutes").asLong(),
                "logOnBehalfAllowed", policy.path("logOnBehalfAllowed").asBoolean());
    }
}
