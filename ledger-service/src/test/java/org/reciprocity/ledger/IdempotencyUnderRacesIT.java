package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reciprocity.kit.web.IdempotencyRecords;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 11, finding 5: one {@code Idempotency-Key}, one outcome, however identical retries race —
 * on one instance, and on two instances of the ledger sharing one MongoDB. Every answer is the
 * first request's answer (or a 409 telling a retry that did not wait that it is still running),
 * and the command ran once.
 */
@ServiceIntegrationTest
class IdempotencyUnderRacesIT {

    private static final int RACERS = 8;
    private static final String KEYS = "idempotency_keys";

    static AnotherLedger second;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    IdempotencyRecords records;

    LedgerFixture given;
    ApiClient secondApi;
    String sam;
    String ali;

    @BeforeAll
    static void aSecondInstance() {
        second = AnotherLedger.start();
    }

    @AfterAll
    static void stopIt() {
        second.close();
    }

    @BeforeEach
    void aTimebankWithTwoMembers() {
        given = new LedgerFixture(port);
        secondApi = new ApiClient("http://localhost:" + second.port());
        sam = given.aMember("Sam");
        ali = given.aMember("Ali");
    }

    @ParameterizedTest(name = "on two instances: {0}")
    @ValueSource(booleans = {false, true})
    void identicalContributionsRacingWithOneKeyLogOneAndReserveItsMinutesOnce(boolean twoInstances) throws Exception {
        List<ApiClient.Response> answers = race(twoInstances, "/contributions", given.as(sam),
                given.logBody(sam, ali, 10, "GIVER"));

        String id = theOneOutcome(answers, "id");
        assertThat(mongo.getCollection("contributions").countDocuments(new Document("contribution.timebankId", given.timebank)))
                .isEqualTo(1);
        assertThat(account(ali).path("debitsPending").asLong()).as("Ali's limit holds 10 minutes, once").isEqualTo(10);
        assertThat(account(sam).path("creditsPending").asLong()).isEqualTo(10);
        assertThat(given.api.get(given.path("/contributions/" + id), given.as(sam)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "on two instances: {0}")
    @ValueSource(booleans = {false, true})
    void identicalGiftsRacingWithOneKeyMoveTheMinutesOnce(boolean twoInstances) throws Exception {
        List<ApiClient.Response> answers = race(twoInstances, "/gifts", given.as(sam), Map.of("toAccountId", ali, "minutes", 7));

        theOneOutcome(answers, "transferId");
        assertThat(given.balance(ali)).isEqualTo(7);
        assertThat(given.balance(sam)).isEqualTo(-7);
        assertThat(given.sumOfBalances()).isZero();
        assertThat(given.api.get(given.path("/members/" + sam + "/statement"), given.as(sam)).json().size()).isEqualTo(1);
    }

    @ParameterizedTest(name = "on two instances: {0}")
    @ValueSource(booleans = {false, true})
    void identicalRedemptionsRacingWithOneKeySpendTheMinutesOnce(boolean twoInstances) throws Exception {
        String college = given.anOrganisation("Recovery College");

        List<ApiClient.Response> answers = race(twoInstances, "/redemptions", given.as(sam),
                Map.of("organisationId", college, "minutes", 5, "offer", "First-aid course"));

        theOneOutcome(answers, "transferId");
        assertThat(given.balance(college)).isEqualTo(5);
        assertThat(given.balance(sam)).isEqualTo(-5);
        assertThat(given.api.get(given.path("/members/" + sam + "/statement"), given.as(sam)).json().size()).isEqualTo(1);
    }

    @ParameterizedTest(name = "on two instances: {0}")
    @ValueSource(booleans = {false, true})
    void identicalRegistrationsRacingWithOneKeyRegisterOneMember(boolean twoInstances) throws Exception {
        List<ApiClient.Response> answers = race(twoInstances, "/members", given.coordinator(),
                Map.of("kind", "SERVICE_USER", "displayName", "Dee"));

        String id = theOneOutcome(answers, "id");
        assertThat(mongo.getCollection("members").countDocuments(new Document("timebankId", given.timebank)
                .append("displayName", "Dee"))).isEqualTo(1);
        assertThat(given.api.get(given.path("/members/" + id), given.coordinator()).status()).isEqualTo(200);
    }

    @Test
    void aRetryWhileTheFirstRequestStillRunsWaitsAndThenHearsItIsInFlight() {
        Map<String, String> key = key("still-running");
        ApiClient.Response first = given.api.post(given.path("/contributions"), given.as(sam),
                given.logBody(sam, ali, 10, "GIVER"), key);
        // as if the first were still running, its instance alive and renewing its claim
        asIfStillRunning("still-running", first, Instant.now().plusSeconds(60));

        long started = System.nanoTime();
        ApiClient.Response retry = given.api.post(given.path("/contributions"), given.as(sam),
                given.logBody(sam, ali, 10, "GIVER"), key);

        assertThat(retry.status()).as(retry.body()).isEqualTo(409);
        assertThat(retry.code()).isEqualTo("idempotency-key-in-flight");
        assertThat(System.nanoTime() - started).as("it waited for the first answer before saying so")
                .isGreaterThan(5_000_000_000L);
        assertThat(mongo.getCollection("contributions").countDocuments(new Document("contribution.timebankId", given.timebank)))
                .isEqualTo(1);
    }

    @Test
    void aKeyWhoseRequestDiedPartWayIsTakenOverAndItsCommandStillRunsOnce() {
        Map<String, String> key = key("died");
        ApiClient.Response first = given.api.post(given.path("/contributions"), given.as(sam),
                given.logBody(sam, ali, 10, "GIVER"), key);
        // the instance answering it died after the ledger wrote, before the answer was kept
        asIfStillRunning("died", first, Instant.now().minusSeconds(120));

        ApiClient.Response retry = given.api.post(given.path("/contributions"), given.as(sam),
                given.logBody(sam, ali, 10, "GIVER"), key);

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.text("id")).as("the same contribution: its id derives from the key").isEqualTo(first.text("id"));
        assertThat(mongo.getCollection("contributions").countDocuments(new Document("contribution.timebankId", given.timebank)))
                .isEqualTo(1);
        assertThat(account(ali).path("debitsPending").asLong()).isEqualTo(10);
    }

    @Test
    void aKeyIsForgottenOnceItsRecordExpires() {
        Map<String, String> key = key("a-day-ago");
        ApiClient.Response eve = given.api.post(given.path("/members"), given.coordinator(),
                Map.of("kind", "SERVICE_USER", "displayName", "Eve"), key);
        expire(eve);

        ApiClient.Response fay = given.api.post(given.path("/members"), given.coordinator(),
                Map.of("kind", "SERVICE_USER", "displayName", "Fay"), key);

        assertThat(fay.status()).as("a new request, not a reuse of a key in use").isEqualTo(201);
        assertThat(fay.text("id")).isNotEqualTo(eve.text("id"));
        ApiClient.Response gus = given.api.post(given.path("/members"), given.coordinator(),
                Map.of("kind", "SERVICE_USER", "displayName", "Gus"), key("swept"));
        expire(gus);
        assertThat(records.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(mongo.getCollection(KEYS).countDocuments(new Document("_id", scope("coordinator-1", "swept")))).isZero();
    }

    /** {@value #RACERS} identical requests with one key, released together, alternating instances if asked. */
    private List<ApiClient.Response> race(boolean twoInstances, String path, String token, Object body) throws Exception {
        Map<String, String> key = key("race");
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApiClient.Response>> sent = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                ApiClient api = twoInstances && i % 2 == 1 ? secondApi : given.api;
                sent.add(pool.submit(() -> {
                    go.await();
                    return api.post(given.path(path), token, body, key);
                }));
            }
            go.countDown();
            List<ApiClient.Response> answers = new ArrayList<>();
            for (Future<ApiClient.Response> answer : sent) {
                answers.add(answer.get());
            }
            System.out.printf("race %s on %d instance(s): %s%n", path, twoInstances ? 2 : 1,
                    answers.stream().map(ApiClient.Response::status).toList());
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every answer is the first one (201 with one id), or a 409 for a retry that stopped waiting. */
    private static String theOneOutcome(List<ApiClient.Response> answers, String idField) {
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(201, 409));
        assertThat(answers).filteredOn(a -> a.status() == 409)
                .allSatisfy(a -> assertThat(a.code()).isEqualTo("idempotency-key-in-flight"));
        List<String> ids = answers.stream().filter(a -> a.status() == 201).map(a -> a.text(idField)).distinct().toList();
        assertThat(ids).as("one outcome").hasSize(1);
        return ids.get(0);
    }

    private Map<String, String> key(String name) {
        return Map.of("Idempotency-Key", name + "-" + given.timebank);
    }

    private String scope(String member, String name) {
        return given.timebank + ":" + member + ":" + name + "-" + given.timebank;
    }

    /** Turns the key's kept answer back into a claim whose owner last renewed it at {@code heartbeat}. */
    private void asIfStillRunning(String keyName, ApiClient.Response first, Instant heartbeat) {
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long changed = mongo.getCollection(KEYS).updateOne(new Document("_id", scope(sam, keyName)),
                new Document("$set", new Document("state", "PENDING").append("heartbeatAt", Date.from(heartbeat)))
                        .append("$unset", new Document("status", "").append("body", ""))).getModifiedCount();
        assertThat(changed).isEqualTo(1);
    }

    private void expire(ApiClient.Response answered) {
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        long changed = mongo.getCollection(KEYS).updateMany(new Document("_id", new Document("$regex", "^" + given.timebank + ":")),
                new Document("$set", new Document("expiresAt", Date.from(Instant.now().minusSeconds(1))))).getModifiedCount();
        assertThat(changed).isGreaterThanOrEqualTo(1);
    }

    private tools.jackson.databind.JsonNode account(String id) {
        return given.api.get(given.path("/accounts/" + id), given.admin()).json();
    }
}
