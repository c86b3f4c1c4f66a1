package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.testsupport.matrix.Relation.SELF;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.member.MemberSuspended;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.reciprocity.testsupport.matrix.Fixtures;
import org.reciprocity.testsupport.matrix.Operation;
import org.reciprocity.testsupport.matrix.Relation;
import org.reciprocity.testsupport.matrix.Scene;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Notification's scenes for the authorization matrix, by the variable a path names: a member (a
 * recipient), an inbox item, an unsubscribe link. Recipients come as the ledger makes them, by
 * {@code MemberRegistered} on the real broker, and inbox items from a contribution's event, in one
 * fresh timebank; the rest through the service's own API.
 */
final class NotificationMatrixFixtures implements Fixtures {

    /** Recipients are registered this many at a time: one wait for the consumer serves a batch. */
    private static final int BATCH = 12;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Scenario scenario = new Scenario();
    private final ApiClient api;
    private final MongoTemplate mongo;
    private final String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    private final String coordinator = "coordinator-" + UUID.randomUUID();
    private final Deque<MemberRegistered> unused = new ArrayDeque<>();
    private MemberRegistered nearMiss;

    NotificationMatrixFixtures(int port, MongoTemplate mongo) {
        this.api = new ApiClient("http://localhost:" + port);
        this.mongo = mongo;
        TopicProbe.send(bootstrap, scenario.opened("Europe/London"));
    }

    @Override
    public String timebank() {
        return scenario.timebank;
    }

    @Override
    public Set<Relation> relationsFor(Operation operation) {
        return operation.variables().contains("memberId") ? EnumSet.of(SELF) : EnumSet.noneOf(Relation.class);
    }

    @Override
    public Scene stranger(Operation operation) {
        List<String> variables = operation.variables();
        if (variables.contains("memberId")) {
            return Scene.of(aNearMiss(), "memberId", aRecipient().memberId());
        }
        if (variables.contains("itemId")) {
            return Scene.of(aNearMiss(), "itemId", anInboxItemOf(aRecipient()));
        }
        if (variables.contains("token")) {
            return Scene.of(aNearMiss(), "token", anUnsubscribeLinkOf(aRecipient()));
        }
        return Scene.of(aSuspendedMember());
    }

    @Override
    public Scene arrange(Operation operation, Relation relation) {
        if (operation.variables().contains("memberId") && relation == SELF) {
            String caller = aRecipient().memberId();
            return Scene.of(caller, "memberId", caller);
        }
        throw new IllegalArgumentException("no " + relation + " scene for " + operation);
    }

    /**
     * A stranger who is nearly in: a recipient with an inbox item of their own, neither the one the
     * path names, so a service that asked "has some item?" or "is a recipient?" would let them in.
     */
    private String aNearMiss() {
        if (nearMiss == null) {
            nearMiss = aRecipient();
            anInboxItemOf(nearMiss);
        }
        return nearMiss.memberId();
    }

    /**
     * The caller of the paths that name nothing but the timebank (the caller's own inbox, live
     * stream, preferences; the delivery log): a suspended member. The policy lets them in as any
     * member, and the live stream then refuses them itself (403 {@code member-suspended}). Any
     * other member's stream would be let in and stay open for up to half an hour, while the matrix
     * reads each answer whole. Their inbox and preferences still answer as anyone's.
     */
    private String aSuspendedMember() {
        MemberRegistered member = aRecipient();
        TopicProbe.send(bootstrap, new MemberSuspended(UUID.randomUUID(), Instant.now(), scenario.timebank,
                member.memberId(), coordinator, "the matrix needs a live stream that answers at once"));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            ApiClient.Response recipient = api.get(recipientPath(member.memberId()), token(coordinator, "COORDINATOR"));
            return recipient.status() == 200 && recipient.json().path("suspended").asBoolean();
        });
        return member.memberId();
    }

    /** The id of an inbox item of {@code member}'s: "please confirm" the time someone logged for them. */
    private String anInboxItemOf(MemberRegistered member) {
        TopicProbe.send(bootstrap, scenario.logged(aRecipient(), member));
        String inbox = "/api/v1/timebanks/" + scenario.timebank + "/inbox";
        JsonNode[] item = new JsonNode[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            item[0] = api.get(inbox, token(member.memberId())).json().path("items").path(0);
            return item[0].has("id");
        });
        return item[0].path("id").asString();
    }

    /** The token of {@code member}'s unsubscribe link, made with their preferences as for their first e-mail. */
    private String anUnsubscribeLinkOf(MemberRegistered member) {
        ApiClient.Response preferences = api.get("/api/v1/timebanks/" + scenario.timebank + "/preferences",
                token(member.memberId()));
        assertThat(preferences.status()).as(preferences.body()).isEqualTo(200);
        Document stored = mongo.getCollection("preferences").find(new Document("_id", member.memberId())).first();
        assertThat(stored).as("the preferences of " + member.memberId()).isNotNull();
        return stored.getString("unsubscribeToken");
    }

    /** A member the service knows as a recipient (from the member event), used by no scene before. */
    private MemberRegistered aRecipient() {
        if (unused.isEmpty()) {
            registerMore();
        }
        return unused.pop();
    }

    private void registerMore() {
        List<MemberRegistered> registered = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            MemberRegistered member = scenario.member("Member" + i, "en");
            TopicProbe.send(bootstrap, Members.stripped(member));
            TopicProbe.send(bootstrap, Members.details(member));
            registered.add(member);
        }
        String reader = token(coordinator, "COORDINATOR");
        for (MemberRegistered member : registered) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> api.get(recipientPath(member.memberId()), reader).status() == 200);
        }
        unused.addAll(registered);
    }

    private String recipientPath(String memberId) {
        return "/api/v1/timebanks/" + scenario.timebank + "/recipients/" + memberId;
    }

    private String token(String member, String... roles) {
        return SharedInfrastructure.get().tokens().token(member, scenario.timebank,
                roles.length == 0 ? new String[] {"MEMBER"} : roles);
    }
}
