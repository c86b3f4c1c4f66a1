package org.reciprocity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.testsupport.matrix.Relation.PARTY;
import static org.reciprocity.testsupport.matrix.Relation.SELF;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.matrix.Fixtures;
import org.reciprocity.testsupport.matrix.Operation;
import org.reciprocity.testsupport.matrix.Relation;
import org.reciprocity.testsupport.matrix.Scene;

/**
 * Matching's scenes for the authorization matrix, by the variable a path names: a member, a
 * listing, a match, a plan. Members come as the ledger makes them, by {@code MemberRegistered} on
 * the real broker; everything else is built through matching's own API in one fresh timebank.
 */
final class MatchingMatrixFixtures implements Fixtures {

    /** Members are registered this many at a time: one wait for the consumer serves a batch. */
    private static final int BATCH = 24;

    private final ApiClient api;
    private final String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    private final String coordinator = "coordinator-" + UUID.randomUUID();
    private final Deque<String> unused = new ArrayDeque<>();
    private String nearMiss;

    MatchingMatrixFixtures(int port) {
        api = new ApiClient("http://localhost:" + port);
    }

    @Override
    public String timebank() {
        return timebank;
    }

    @Override
    public Set<Relation> relationsFor(Operation operation) {
        List<String> variables = operation.variables();
        if (variables.contains("listingId") || variables.contains("matchId")) {
            return EnumSet.of(PARTY);
        }
        if (variables.contains("memberId")) {
            return EnumSet.of(SELF);
        }
        return EnumSet.noneOf(Relation.class);
    }

    @Override
    public Scene stranger(Operation operation) {
        String stranger = aNearMiss();
        List<String> variables = operation.variables();
        if (variables.contains("listingId")) {
            return Scene.of(stranger, "listingId", publish(aMember(), "OFFER"));
        }
        if (variables.contains("matchId")) {
            return Scene.of(stranger, "matchId", aMatch(aMember(), aMember()));
        }
        if (variables.contains("memberId")) {
            return Scene.of(stranger, "memberId", aMember());
        }
        if (variables.contains("planId")) {
            return Scene.of(stranger, "planId", aPlan());
        }
        return Scene.of(stranger);
    }

    /**
     * A stranger who is nearly in: owner of a listing and a side of a match, neither the one the path
     * names, so a policy that asked "owns some listing?" or "is in some match?" would let them in.
     * One serves every scene: no path names them, so nothing done to a scene changes them.
     */
    private String aNearMiss() {
        if (nearMiss == null) {
            nearMiss = aMember();
            aMatch(nearMiss, aMember());
        }
        return nearMiss;
    }

    @Override
    public Scene arrange(Operation operation, Relation relation) {
        List<String> variables = operation.variables();
        String caller = aMember();
        if (variables.contains("listingId") && relation == PARTY) {
            return Scene.of(caller, "listingId", publish(caller, "OFFER"));
        }
        if (variables.contains("matchId") && relation == PARTY) {
            return Scene.of(caller, "matchId", aMatch(caller, aMember()));
        }
        if (variables.contains("memberId") && relation == SELF) {
            return Scene.of(caller, "memberId", caller);
        }
        throw new IllegalArgumentException("no " + relation + " scene for " + operation);
    }

    /**
     * A match a coordinator proposed between the giver (the offer's owner) and the receiver (the
     * need's owner): both still have to answer, so accepting or declining it is a real answer.
     */
    private String aMatch(String giver, String receiver) {
        String offer = publish(giver, "OFFER");
        String need = publish(receiver, "NEED");
        ApiClient.Response proposed = api.post(base() + "/matches", token(coordinator, "COORDINATOR"),
                Map.of("needListingId", need, "offerListingId", offer));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        return proposed.text("id");
    }

    private String publish(String owner, String kind) {
        ApiClient.Response published = api.post(base() + "/listings", token(owner), Map.of("kind", kind,
                "title", "Walks and a chat", "category", "befriending", "tags", List.of("walking"),
                "estimatedMinutes", 60, "mode", "IN_PERSON", "district", "M14",
                "expiresAt", Instant.now().plusSeconds(86_400 * 30).toString()));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        return published.text("id");
    }

    /** A draft plan of the coordinator's desk, over whatever is open on the board. */
    private String aPlan() {
        ApiClient.Response planned = api.post(base() + "/coordinator/plans", token(coordinator, "COORDINATOR"), "{}");
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        return planned.text("id");
    }

    /** A member matching knows (their profile made from the member event), used by no scene before. */
    private String aMember() {
        if (unused.isEmpty()) {
            registerMore();
        }
        return unused.pop();
    }

    private void registerMore() {
        String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            String id = "member-" + UUID.randomUUID();
            LedgerMembers.send(bootstrap, new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank, id,
                    MemberKind.NEIGHBOUR, "Member " + i, null, "en", null, coordinator));
            registered.add(id);
        }
        String reader = token(coordinator, "COORDINATOR");
        for (String id : registered) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> api.get(base() + "/profiles/" + id, reader).status() == 200);
        }
        unused.addAll(registered);
    }

    private String base() {
        return "/api/v1/timebanks/" + timebank;
    }

    private String token(String member, String... roles) {
        return SharedInfrastructure.get().tokens().token(member, timebank,
                roles.length == 0 ? new String[] {"MEMBER"} : roles);
    }
}
