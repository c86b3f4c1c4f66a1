package org.reciprocity.review.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.review.erasure.ReviewErasure;
import org.reciprocity.review.facts.MemoryErasures;
import org.reciprocity.review.facts.PartyKind;
import org.reciprocity.review.facts.Projector;
import org.reciprocity.review.facts.ReviewFacts;
import org.reciprocity.review.figures.Period;
import org.reciprocity.review.figures.RandomTimebank;
import org.reciprocity.review.figures.ReviewFigures;
import org.reciprocity.review.figures.ReviewQuery;
import org.reciprocity.review.figures.ReviewSort;
import org.reciprocity.review.figures.Thresholds;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The review's rows kept from read to read, brought up to date from the parts of the projections that
 * changed, are the rows computed afresh: after every batch of a random timebank's delivery (members
 * arriving, changing kind, suspended; entries, reversals and gifts; a member erased on the way), for
 * every sort, both directions, kind and organisation filters, in the timebank's zone. In memory (every
 * merge a change) and in the bucket store over mongo-java-server's wire protocol (merges held back and
 * written at random, as the fold does).
 */
class KeptReviewRowsTest {

    private static final MongoClient client = WireMongo.client();
    private static int databases;

    static LongStream seeds() {
        Random seeds = new Random(20261202L);
        return LongStream.generate(seeds::nextLong).limit(120);
    }

    static LongStream fewerSeeds() {
        return seeds().limit(20);
    }

    @ParameterizedTest(name = "timebank of seed {0}, in memory")
    @MethodSource("seeds")
    void rowsKeptUpToDateAreTheRowsComputedAfreshInMemory(long seed) {
        MemoryErasures erasures = new MemoryErasures();
        foldReadingAsItGoes(seed, () -> ReviewFacts.inMemory(erasures), false);
    }

    @ParameterizedTest(name = "timebank of seed {0}, in the bucket store")
    @MethodSource("fewerSeeds")
    void rowsKeptUpToDateAreTheRowsComputedAfreshInTheBucketStore(long seed) {
        String database = "kept_rows_" + databases++;
        ReviewFacts facts = new Projections(new MongoTemplate(client, database)).facts();
        foldReadingAsItGoes(seed, () -> facts, true);
    }

    private static void foldReadingAsItGoes(long seed, Supplier<ReviewFacts> store, boolean heldBack) {
        RandomTimebank timebank = new RandomTimebank(seed).generate();
        String tb = timebank.timebankId;
        Random random = new Random(seed);
        ZoneId zone = List.of(ZoneOffset.UTC, ZoneId.of("Pacific/Auckland"), ZoneId.of("America/Los_Angeles"))
                .get(random.nextInt(3));
        ReviewFacts facts = store.get();
        ReviewFigures kept = new ReviewFigures(facts, Thresholds.DEFAULT, zone, facts::changes);
        List<DomainEvent> delivered = timebank.delivered(random);
        int eraseAt = random.nextInt(3) == 0 ? random.nextInt(delivered.size() + 1) : -1;
        Projector projector = new Projector(facts);
        int checked = 0;
        for (int from = 0; from < delivered.size(); ) {
            int to = Math.min(delivered.size(), from + 1 + random.nextInt(12));
            projector.applyAll(delivered.subList(from, to));
            if (!heldBack || random.nextInt(3) > 0) {
                facts.flush();
                if (from <= eraseAt && eraseAt < to) {
                    new ReviewErasure(facts, kept).erase(tb, timebank.events.stream()
                            .filter(e -> e instanceof org.reciprocity.contracts.member.MemberRegistered)
                            .map(e -> ((org.reciprocity.contracts.member.MemberRegistered) e).memberId())
                            .toList().get(random.nextInt(2)));
                }
                checked += assertSameRows(kept, fresh(facts, zone), tb, timebank, zone, random);
            }
            from = to;
        }
        facts.flush();
        checked += assertSameRows(kept, fresh(facts, zone), tb, timebank, zone, random);
        assertThat(checked).as("pages compared").isPositive();
    }

    private static ReviewFigures fresh(ReviewFacts facts, ZoneId zone) {
        return new ReviewFigures(facts, Thresholds.DEFAULT, zone, facts::changes);
    }

    private static int assertSameRows(ReviewFigures kept, ReviewFigures fresh, String tb, RandomTimebank timebank,
                                      ZoneId zone, Random random) {
        YearMonth first = YearMonth.from(Instant.parse("2026-09-20T00:00:00Z").atZone(zone));
        YearMonth last = YearMonth.from(timebank.end().atZone(zone));
        List<Period> periods = new ArrayList<>(new Period(first, last).months().stream().map(Period::month).toList());
        periods.add(new Period(first, last));
        Instant now = timebank.end();
        int compared = 0;
        for (Period period : periods) {
            for (ReviewSort sort : ReviewSort.values()) {
                PartyKind kind = random.nextInt(4) == 0 ? PartyKind.values()[random.nextInt(4)] : null;
                String organisation = random.nextInt(5) == 0 ? "org" + random.nextInt(2) : null;
                ReviewQuery query = new ReviewQuery(period, kind, organisation, sort, random.nextBoolean(), 0,
                        ReviewQuery.MAX_SIZE);
                assertThat(kept.review(tb, query, now)).as("%s, kept up to date", query)
                        .isEqualTo(fresh.review(tb, query, now));
                compared++;
            }
        }
        return compared;
    }
}
