package org.reciprocity.review.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.review.facts.AccountFact;
import org.reciprocity.review.facts.FactStore;
import org.reciprocity.review.facts.Keys;
import org.reciprocity.review.facts.Projector;
import org.reciprocity.review.facts.ReviewFacts;
import org.reciprocity.review.figures.RandomTimebank;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A batch folded into the store at once (the batch's facts merged in memory by {@code _id}, one
 * {@code $in} read and one unordered bulk write a projection) leaves the same documents as the same
 * events folded one at a time, once each and in order: whatever the batch holds twice, and however
 * many of its facts name one document. Against mongo-java-server over its wire protocol, as the
 * service writes.
 */
class BatchFoldTest {

    private static final Instant T0 = Instant.parse("2026-06-10T09:00:00Z");
    private static final MongoClient client = WireMongo.client();
    private static int databases;


    @Test
    void aBatchHoldingAFactTwiceAndTwoFactsOfOneDocumentFoldsAsOneAtATime() {
        String tb = "tb-batch";
        // pat gives sam an hour, then half an hour: two entries for each account, two months' entries for each
        List<DomainEvent> events = new ArrayList<>();
        events.addAll(contribution(tb, "c1", "pat", "sam", 60, "t-c1", 1, -60, 60));
        events.addAll(contribution(tb, "c2", "pat", "sam", 30, "t-c2", 2, -90, 90));
        List<DomainEvent> batch = new ArrayList<>(events);
        batch.add(events.get(2)); // t-c1 posted again (a redelivery inside the batch)
        batch.add(events.get(0)); // c1 logged again
        Collections.shuffle(batch, new Random(7));

        ReviewFacts stored = mongoFacts();
        new Projector(stored).applyAll(batch);
        stored.flush();

        ReviewFacts expected = oneAtATime(events);
        assertSameDocuments(stored, expected, tb);
        assertThat(stored.accounts().find(Keys.of(tb, "pat")).map(AccountFact::balance)).contains(90L);
        assertThat(stored.accounts().find(Keys.of(tb, "sam")).map(AccountFact::balance)).contains(-90L);
        assertThat(stored.postings().withPrefix(Keys.timebank(tb))).hasSize(2);

        long changes = stored.changes(tb);
        assertThat(changes).as("the first batch was written").isPositive();
        new Projector(stored).applyAll(batch);
        stored.flush();
        assertThat(stored.changes(tb)).as("the same batch again writes nothing").isEqualTo(changes);
        assertSameDocuments(stored, expected, tb);
    }

    /**
     * Random timebanks delivered as the topics may deliver them (partitions interleaved, stretches
     * redelivered), folded in large batches: many facts of one document, and copies of one event, in
     * each batch; some batches folded twice.
     */
    @ParameterizedTest(name = "timebank of seed {0}")
    @ValueSource(longs = {1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L, 55L, 89L})
    void largeBatchesOfARedeliveredTimebankFoldAsOneAtATime(long seed) {
        RandomTimebank timebank = new RandomTimebank(seed).generate();
        Random random = new Random(seed);
        List<DomainEvent> delivered = timebank.delivered(random);
        String database = "batch_fold_" + databases++;
        ReviewFacts stored = facts(database);
        int flushed = 0; // where a restart reads again from: the topics' committed offset
        for (int from = 0; from < delivered.size(); ) {
            int to = Math.min(delivered.size(), from + 20 + random.nextInt(200));
            List<DomainEvent> batch = delivered.subList(from, to);
            new Projector(stored).applyAll(batch);
            if (random.nextInt(4) == 0) {
                new Projector(stored).applyAll(batch); // redelivered whole after a rebalance
            }
            switch (random.nextInt(6)) {
                case 0, 1, 2 -> { // caught up, or held enough: written, offsets committed
                    stored.flush();
                    flushed = to;
                }
                case 3 -> { // a crash before the write: what the cache held is lost, the topics give it again
                    stored = facts(database);
                    to = flushed;
                }
                default -> { // a full batch: held back
                }
            }
            from = to;
        }
        stored.flush();
        assertSameDocuments(facts(database), oneAtATime(timebank.events), timebank.timebankId);
    }

    /** A fresh database: the projections as the service keeps them, in mongo-java-server. */
    private static ReviewFacts mongoFacts() {
        return facts("batch_fold_" + databases++);
    }

    /** The projections of a database as a service starting on it keeps them: nothing held back yet. */
    private static ReviewFacts facts(String database) {
        return new Projections(new MongoTemplate(client, database)).facts();
    }

    private static ReviewFacts oneAtATime(List<DomainEvent> events) {
        ReviewFacts facts = ReviewFacts.inMemory();
        Projector projector = new Projector(facts);
        events.forEach(projector::apply);
        return facts;
    }

    private static void assertSameDocuments(ReviewFacts actual, ReviewFacts expected, String tb) {
        List<FactStore<?>> actualStores = actual.stores();
        List<FactStore<?>> expectedStores = expected.stores();
        for (int i = 0; i < actualStores.size(); i++) {
            List<Object> documents = new ArrayList<>(actualStores.get(i).withPrefix(Keys.timebank(tb)));
            List<Object> expectedDocuments = new ArrayList<>(expectedStores.get(i).withPrefix(Keys.timebank(tb)));
            assertThat(documents).as("projection %s", ReviewFacts.COLLECTIONS.get(i))
                    .containsExactlyElementsOf(expectedDocuments);
        }
    }

    private static List<DomainEvent> contribution(String tb, String id, String giver, String receiver, long minutes,
                                                  String transferId, long sequence, long receiverAfter, long giverAfter) {
        Instant at = T0.plusSeconds(3_600 * sequence);
        return List.of(
                new ContributionLogged(UUID.randomUUID(), at, tb, id, giver, receiver, LoggedBy.GIVER, giver, null,
                        receiver, minutes, LocalDate.of(2026, 6, 10), CoproductionKind.values()[0], "gardening", null,
                        null, at.plusSeconds(86_400 * 14)),
                new ContributionValidated(UUID.randomUUID(), at.plusSeconds(60), tb, id, receiver, giver, receiver,
                        minutes, "thanks", null, transferId),
                new TransferPosted(UUID.randomUUID(), at.plusSeconds(61), tb, transferId, receiver, giver, minutes,
                        TransferReason.CONTRIBUTION, receiverAfter, giverAfter, id, null, sequence, "hash" + sequence));
    }
}
