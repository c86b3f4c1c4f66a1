package org.reciprocity.ledger.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.contracts.kafka.EventJson;
import org.reciprocity.ledger.AnotherLedger;
import org.reciprocity.ledger.LedgerFixture;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 11, finding 10: with two ledger instances serving one timebank, its events reach their
 * topics in the order they happened, whichever instance wrote them, also when the first instance
 * stalls past its lease with events not yet published. Read from the real broker, as a consumer
 * reads them; what counts is each event's first publication (a late duplicate is harmless:
 * consumers dedupe by event id).
 *
 * <p>Instance A is this test's application; instance B is {@link AnotherLedger}. A's stall is
 * simulated deterministically: its publishing is held (as a pause would hold it) and, for the
 * pause past the lease, its lease is ended in the database as the passing of 15 s would end it.
 */
@ServiceIntegrationTest
class OrderAcrossInstancesIT {

    private static final String LOGGED = "reciprocity.ContributionLogged.v1";
    private static final String VALIDATED = "reciprocity.ContributionValidated.v1";
    private static final String TRANSFER_POSTED = "reciprocity.TransferPosted.v1";

    static AnotherLedger instanceB;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Bookkeeping instanceA;

    LedgerFixture given;
    ApiClient onB;
    String sam;
    String ali;
    final CountDownLatch resumeA = new CountDownLatch(1);

    @BeforeAll
    static void aSecondInstance() {
        instanceB = AnotherLedger.start();
    }

    @AfterAll
    static void stopIt() {
        instanceB.close();
    }

    @BeforeEach
    void aTimebankWithTwoMembers() {
        given = new LedgerFixture(port);
        onB = new ApiClient("http://localhost:" + instanceB.port());
        sam = given.aMember("Sam");
        ali = given.aMember("Ali");
    }

    @AfterEach
    void resume() {
        resumeA.countDown();
        instanceA.beforeEachBatch(batch -> { });
    }

    @Test
    void aContributionLoggedOnOneInstanceAndValidatedOnTheOtherReachesItsTopicInOrder() {
        holdPublishingOnA();
        String contribution = logOnA(sam, ali, 20);

        // B waits for the lease, A hands it over while its publishing is still held
        validateOnB(contribution, ali);
        awaitOnTopic(Topics.CONTRIBUTIONS_TOPIC, r -> VALIDATED.equals(type(r)) && contribution.equals(r.key()));
        resumeA.countDown();

        assertThat(firstPublications(Topics.CONTRIBUTIONS_TOPIC, contribution, Set.of(LOGGED, VALIDATED)))
                .containsExactly(LOGGED, VALIDATED);
    }

    @Test
    void aContributionsEventsAndATimebanksTransfersStayInOrderWhenTheFirstInstanceIsPausedPastItsLease() {
        holdPublishingOnA();
        String contribution = logOnA(sam, ali, 20);
        ApiClient.Response gift = given.api.post(given.path("/gifts"), given.as(sam), Map.of("toAccountId", ali, "minutes", 5));
        assertThat(gift.status()).as(gift.body()).isEqualTo(201); // transfer 1, on A, not yet published
        pastItsLease();

        validateOnB(contribution, ali); // transfer 2, on B
        ApiClient.Response back = onB.post(given.path("/gifts"), given.as(ali), Map.of("toAccountId", sam, "minutes", 3));
        assertThat(back.status()).as(back.body()).isEqualTo(201); // transfer 3, on B
        awaitOnTopic(Topics.LEDGER_TOPIC, r -> TRANSFER_POSTED.equals(type(r)) && given.timebank.equals(r.key())
                && sequence(r) == 3);
        resumeA.countDown(); // A wakes up with transfer 1 and the logging still unpublished in its lane

        List<String> contributionEvents = firstPublications(Topics.CONTRIBUTIONS_TOPIC, contribution, Set.of(LOGGED, VALIDATED));
        List<Long> transfers = firstSequences(3);
        assertSoftly(softly -> {
            softly.assertThat(contributionEvents).containsExactly(LOGGED, VALIDATED);
            softly.assertThat(transfers).as("each transfer's first publication, in ledger order").containsExactly(1L, 2L, 3L);
        });
    }

    @Test
    void whatAnInstanceLeftUnpublishedWhenItDiedGoesOutInWrittenOrderEvenIfNobodyWritesTheTimebankAgain() throws Exception {
        holdPublishingOnA();
        String contribution = logOnA(sam, ali, 20);
        ApiClient.Response gift = given.api.post(given.path("/gifts"), given.as(sam), Map.of("toAccountId", ali, "minutes", 5));
        assertThat(gift.status()).as(gift.body()).isEqualTo(201); // transfer 1
        assertThat(given.validate(contribution, ali, "thank you").status()).isEqualTo(200); // transfer 2
        pastItsLease();
        resumeA.countDown(); // A's lane finds its lease gone and drops what it held, as if A had died: it stays in the outboxes
        Thread.sleep(500);

        // B's leftovers sweep finds them (as if they were 30 s old); nobody holds the lease, so B takes it
        instanceB.bean(Bookkeeping.class).publishLeftovers(java.time.Instant.now().plusSeconds(1));

        List<String> contributionEvents = firstPublications(Topics.CONTRIBUTIONS_TOPIC, contribution, Set.of(LOGGED, VALIDATED));
        List<Long> transfers = firstSequences(2);
        assertSoftly(softly -> {
            softly.assertThat(contributionEvents).containsExactly(LOGGED, VALIDATED);
            softly.assertThat(transfers).containsExactly(1L, 2L);
        });
    }

    /** Holds A's publishing of this timebank's outboxes until {@link #resumeA} opens. */
    private void holdPublishingOnA() {
        String prefix = given.timebank + "/";
        instanceA.beforeEachBatch(batch -> {
            if (batch.stream().anyMatch(p -> String.valueOf(p.id()).startsWith(prefix))) {
                try {
                    resumeA.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    /** A stalls past its lease: the lease ends in the database while A still believes it holds it. */
    private void pastItsLease() {
        assertThat(mongo.getCollection(WriteLeases.COLLECTION).updateOne(
                new Document("_id", "ledger-writer:" + given.timebank),
                new Document("$set", new Document("lockUntil", new Date()))).getMatchedCount()).isEqualTo(1);
    }

    private String logOnA(String giver, String receiver, long minutes) {
        ApiClient.Response logged = given.logGiven(giver, receiver, minutes);
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        return logged.text("id");
    }

    private void validateOnB(String contribution, String by) {
        ApiClient.Response validated = onB.post(given.path("/contributions/" + contribution + "/validation"), given.as(by),
                Map.of("note", "thank you"));
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
    }

    /** The types of a subject's events, each at its first publication on the topic, once all of {@code expected} are there. */
    private List<String> firstPublications(String topic, String subject, Set<String> expected) {
        Set<String> seenIds = new LinkedHashSet<>();
        List<String> types = new ArrayList<>();
        TopicProbe.readUntil(bootstrap(), topic, r -> {
            if (subject.equals(r.key()) && expected.contains(type(r)) && seenIds.add(header(r, CloudEventHeaders.ID))) {
                types.add(type(r));
            }
            return types.containsAll(expected);
        }, Duration.ofSeconds(40));
        System.out.printf("first publications of %s on %s: %s%n", subject, topic, types);
        return types;
    }

    /** The sequences of this timebank's transfers, each at its first publication, once {@code count} are there. */
    private List<Long> firstSequences(int count) {
        Set<String> seenIds = new LinkedHashSet<>();
        List<Long> sequences = new ArrayList<>();
        TopicProbe.readUntil(bootstrap(), Topics.LEDGER_TOPIC, r -> {
            if (given.timebank.equals(r.key()) && TRANSFER_POSTED.equals(type(r)) && seenIds.add(header(r, CloudEventHeaders.ID))) {
                sequences.add(sequence(r));
            }
            return sequences.size() >= count;
        }, Duration.ofSeconds(40));
        System.out.printf("first publications of transfers of %s: %s%n", given.timebank, sequences);
        return sequences;
    }

    private void awaitOnTopic(String topic, Predicate<ConsumerRecord<String, byte[]>> wanted) {
        List<ConsumerRecord<String, byte[]>> read = TopicProbe.readUntil(bootstrap(), topic, wanted, Duration.ofSeconds(30));
        assertThat(read).as("published by B").anyMatch(wanted);
    }

    private static long sequence(ConsumerRecord<String, byte[]> record) {
        return EventJson.mapper().readTree(record.value()).path("sequence").asLong();
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return header(record, CloudEventHeaders.TYPE);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String bootstrap() {
        return SharedInfrastructure.get().kafkaBootstrapServers();
    }
}
