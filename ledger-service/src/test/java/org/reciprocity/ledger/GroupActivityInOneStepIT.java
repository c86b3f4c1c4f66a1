package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Issue 16: a coordinator records a group activity's register and confirms it in one step. The
 * register and every posting are one change (the first ledger entry carries the whole change and is
 * its commit point), so a register the ledger refuses part-way leaves no attendance, no reservation
 * and no entry; sending it again posts nothing twice.
 */
@ServiceIntegrationTest
class GroupActivityInOneStepIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    LedgerFixture given;
    String college;
    List<String> attendees = new ArrayList<>();

    @BeforeEach
    void fiveMembersAndAnOrganisation() {
        given = new LedgerFixture(port);
        college = given.anOrganisation("Recovery college", given.aMember("Staff"));
        for (String name : List.of("Gwen", "Hugo", "Iris", "Jude", "Kit")) {
            attendees.add(given.aMember(name));
        }
    }

    @Test
    void fiveAttendeesAreLoggedAndPostedAtOnceAndSendingAgainPostsNothingTwice() {
        Map<String, Object> register = register("activity-" + UUID.randomUUID(), attendees);

        ApiClient.Response confirmed = given.api.post(given.path("/confirmed-group-activities"), given.coordinator(), register);
        ApiClient.Response again = given.api.post(given.path("/confirmed-group-activities"), given.coordinator(), register);

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        assertThat(confirmed.json().valueStream().map(c -> c.path("state").asString())).containsOnly("VALIDATED").hasSize(5);
        assertThat(confirmed.json().valueStream().map(c -> c.path("transferId").asString())).doesNotContainNull().hasSize(5);
        assertThat(confirmed.json().path(0).path("decidedBy").asString()).isEqualTo("coordinator-1");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        for (String attendee : attendees) {
            assertThat(given.balance(attendee)).isEqualTo(60);
        }
        assertThat(given.balance(college)).isEqualTo(-300);
        assertThat(given.sumOfBalances()).isZero();
    }

    @Test
    void aRegisterRefusedPartWayChangesNothing() {
        String onHold = attendees.get(3);
        given.api.post(given.path("/members/" + onHold + "/suspension"), given.coordinator(), Map.of("reason", "A break"));
        String activity = "activity-" + UUID.randomUUID();
        long entriesBefore = entries();

        ApiClient.Response refused = given.api.post(given.path("/confirmed-group-activities"), given.coordinator(),
                register(activity, attendees));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(mongo.count(Query.query(Criteria.where("contribution.groupActivityId").is(activity)), "contributions"))
                .as("no attendance logged").isZero();
        assertThat(entries()).as("no entry posted").isEqualTo(entriesBefore);
        for (String attendee : attendees) {
            ApiClient.Response account = given.api.get(given.path("/accounts/" + attendee), given.admin());
            assertThat(account.json().path("balance").asLong()).isZero();
            assertThat(account.json().path("creditsPending").asLong()).as("nothing reserved").isZero();
        }
    }

    @Test
    void onlyACoordinatorConfirmsTheirOwnRegisterAtOnce() {
        String staff = given.aMember("Olu");
        String theirs = given.anOrganisation("Allotment", staff);
        Map<String, Object> register = new java.util.LinkedHashMap<>(register("activity-" + UUID.randomUUID(), attendees));
        register.put("organisationId", theirs);

        ApiClient.Response byStaff = given.api.post(given.path("/confirmed-group-activities"), given.as(staff), register);

        assertThat(byStaff.status()).isEqualTo(403);
        assertThat(given.balance(attendees.get(0))).isZero();
    }

    private Map<String, Object> register(String id, List<String> who) {
        return Map.of("id", id, "organisationId", college, "title", "Cooking together", "kind", "SOCIAL_ACTIVITY",
                "happenedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(),
                "attendances", who.stream().map(m -> Map.of("memberId", m, "minutes", 60)).toList());
    }

    private long entries() {
        return mongo.count(Query.query(Criteria.where("entry.timebankId").is(given.timebank)), "ledger_entries");
    }
}
