package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.testsupport.matrix.Relation.ORGANISATION_STAFF;
import static org.reciprocity.testsupport.matrix.Relation.PARTY;
import static org.reciprocity.testsupport.matrix.Relation.SELF;
import static org.reciprocity.testsupport.matrix.Relation.SUPPORTER;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.matrix.Fixtures;
import org.reciprocity.testsupport.matrix.Operation;
import org.reciprocity.testsupport.matrix.Relation;
import org.reciprocity.testsupport.matrix.Scene;

/**
 * The ledger's scenes for the authorization matrix, by the variable a path names: a member, a
 * member and one of their supporters, a contribution, an account, a group activity. Everything is
 * built through the ledger's own API in one fresh timebank.
 */
final class LedgerMatrixFixtures implements Fixtures {

    private final LedgerFixture given;
    private String organisation;
    private String nearMiss;

    LedgerMatrixFixtures(int port) {
        given = new LedgerFixture(port);
    }

    @Override
    public String timebank() {
        return given.timebank;
    }

    @Override
    public Set<Relation> relationsFor(Operation operation) {
        List<String> variables = operation.variables();
        if (variables.contains("contributionId")) {
            return EnumSet.of(PARTY, SUPPORTER, ORGANISATION_STAFF);
        }
        if (variables.contains("activityId")) {
            return EnumSet.of(ORGANISATION_STAFF);
        }
        if (variables.contains("accountId")) {
            return EnumSet.of(SELF, ORGANISATION_STAFF);
        }
        if (variables.contains("memberId")) {
            return EnumSet.of(SELF, SUPPORTER);
        }
        return EnumSet.noneOf(Relation.class);
    }

    @Override
    public Scene stranger(Operation operation) {
        String stranger = aNearMiss();
        List<String> variables = operation.variables();
        if (variables.contains("contributionId")) {
            return Scene.of(stranger, "contributionId", aContribution(given.aMember("Sam"), given.aMember("Ali")));
        }
        if (variables.contains("activityId")) {
            return Scene.of(stranger, "activityId", aGroupActivity(given.aMember("Staff"), given.aMember("Sam")).id());
        }
        if (variables.contains("accountId")) {
            return Scene.of(stranger, "accountId", given.anOrganisation("Pot", given.aMember("Staff")));
        }
        if (variables.contains("supporterId")) {
            // the near miss: a supporter of the member, but not the one the path names
            String member = given.aMember("Sam");
            String supporter = given.aMember("Kim");
            nameSupporter(member, supporter);
            nameSupporter(member, stranger);
            return Scene.of(stranger, "memberId", member, "supporterId", supporter);
        }
        if (variables.contains("memberId")) {
            return Scene.of(stranger, "memberId", given.aMember("Sam"));
        }
        if (variables.contains("organisationId")) {
            return Scene.of(stranger, "organisationId", anOrganisation());
        }
        return Scene.of(stranger);
    }

    /**
     * A stranger who is nearly in: staff of another organisation and supporter of another member, so
     * a policy that asked "staff of any organisation?" or "anyone's supporter?" would let them in.
     * One serves every scene: no path names them, so nothing done to a scene changes them.
     */
    private String aNearMiss() {
        if (nearMiss == null) {
            nearMiss = given.aMember("Stranger");
            given.anOrganisation("Another organisation", nearMiss);
            nameSupporter(given.aMember("Someone else"), nearMiss);
        }
        return nearMiss;
    }

    @Override
    public Scene arrange(Operation operation, Relation relation) {
        List<String> variables = operation.variables();
        String caller = given.aMember("Caller");
        if (variables.contains("contributionId")) {
            return Scene.of(caller, "contributionId", contributionTo(caller, relation));
        }
        if (variables.contains("activityId") && relation == ORGANISATION_STAFF) {
            return Scene.of(caller, "activityId", aGroupActivity(caller, given.aMember("Sam")).id());
        }
        if (variables.contains("accountId") && relation == SELF) {
            return Scene.of(caller, "accountId", caller);
        }
        if (variables.contains("accountId") && relation == ORGANISATION_STAFF) {
            return Scene.of(caller, "accountId", given.anOrganisation("Recovery college", caller));
        }
        if (variables.contains("memberId")) {
            return memberScene(variables, caller, relation);
        }
        throw new IllegalArgumentException("no " + relation + " scene for " + operation);
    }

    private Scene memberScene(List<String> variables, String caller, Relation relation) {
        boolean supporterPath = variables.contains("supporterId");
        if (relation == SELF) {
            String supporter = given.aMember("Kim");
            nameSupporter(caller, supporter);
            return supporterPath ? Scene.of(caller, "memberId", caller, "supporterId", supporter)
                    : Scene.of(caller, "memberId", caller);
        }
        if (relation == SUPPORTER) {
            String member = given.aMember("Sam");
            nameSupporter(member, caller);
            return supporterPath ? Scene.of(caller, "memberId", member, "supporterId", caller)
                    : Scene.of(caller, "memberId", member);
        }
        throw new IllegalArgumentException("no " + relation + " scene for a member");
    }

    /** A contribution the caller stands to as asked: its receiver, a receiver's supporter, its organisation's staff. */
    private String contributionTo(String caller, Relation relation) {
        if (relation == PARTY) {
            // the receiver, not the one who logged it: confirming and disputing are theirs
            return aContribution(given.aMember("Sam"), caller);
        }
        if (relation == SUPPORTER) {
            String receiver = given.aMember("Ali");
            nameSupporter(receiver, caller);
            return aContribution(given.aMember("Sam"), receiver);
        }
        if (relation == ORGANISATION_STAFF) {
            return aGroupActivity(caller, given.aMember("Sam")).attendance();
        }
        throw new IllegalArgumentException("no " + relation + " scene for a contribution");
    }

    private String aContribution(String giver, String receiver) {
        ApiClient.Response logged = given.logGiven(giver, receiver, 30);
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        return logged.text("id");
    }

    /** A group activity and the contribution of its one attendance, to an organisation. */
    private record GroupActivity(String id, String attendance) {
    }

    /** A group activity of an organisation that lists {@code staff}, attended by one member, recorded by a coordinator. */
    private GroupActivity aGroupActivity(String staff, String attendee) {
        String id = "activity-" + UUID.randomUUID();
        Map<String, Object> register = Map.of("id", id, "organisationId", given.anOrganisation("Recovery college", staff),
                "title", "A course run together", "kind", "TRAINING_CO_DELIVERED",
                "happenedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(),
                "attendances", List.of(Map.of("memberId", attendee, "minutes", 60)));
        ApiClient.Response recorded = given.api.post(given.path("/group-activities"), given.coordinator(), register);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return new GroupActivity(id, recorded.json().path(0).path("id").asString());
    }

    private void nameSupporter(String member, String supporter) {
        ApiClient.Response named = given.api.post(given.path("/members/" + member + "/supporters"), given.as(member),
                Map.of("supporterId", supporter));
        assertThat(named.status()).as(named.body()).isEqualTo(204);
    }

    /** One organisation for paths that name one without any relation to it. */
    private String anOrganisation() {
        if (organisation == null) {
            organisation = given.anOrganisation("Community pot");
        }
        return organisation;
    }
}
