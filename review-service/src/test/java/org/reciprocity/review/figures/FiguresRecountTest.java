package org.reciprocity.review.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.review.facts.PartyKind;
import org.reciprocity.review.facts.Projector;
import org.reciprocity.review.facts.ReviewFacts;

/**
 * The review's, the parity's and the indicators' figures equal a recount from the ledger's entries,
 * on random timebanks whose events arrive twice and out of order across partitions; and projecting
 * the same events again from the start (a rebuild) gives the same figures.
 */
class FiguresRecountTest {

    /** Seeded, so a failing timebank is named by its seed and comes back the same on every run. */
    static LongStream seeds() {
        Random seeds = new Random(20261201L);
        return LongStream.generate(seeds::nextLong).limit(300);
    }

    @ParameterizedTest(name = "timebank of seed {0}")
    @MethodSource("seeds")
    void figuresEqualTheRecountWhateverTheDelivery(long seed) {
        RandomTimebank timebank = new RandomTimebank(seed).generate();
        ZoneId zone = zone(seed);
        ReviewFigures figures = project(timebank.delivered(new Random(seed)), new Random(seed), zone);
        Recount recount = new Recount(timebank.events, zone);
        for (Period period : periods(timebank, zone)) {
            ParityFigures parity = figures.parity(timebank.timebankId, period);
            for (PartyKind giver : PartyKind.values()) {
                for (PartyKind receiver : PartyKind.values()) {
                    assertThat(parity.matrix().get(giver).get(receiver)).as("%s → %s in %s", giver, receiver, period)
                            .isEqualTo(recount.matrix(period, giver, receiver));
                }
            }
            long su = 0;
            long back = 0;
            for (PartyKind other : List.of(PartyKind.STAFF, PartyKind.ORGANISATION)) {
                su += recount.matrix(period, PartyKind.SERVICE_USER, other);
                back += recount.matrix(period, other, PartyKind.SERVICE_USER);
            }
            assertThat(parity.serviceUsers().givenMinutes()).isEqualTo(su);
            assertThat(parity.serviceUsers().receivedMinutes()).isEqualTo(back);
            assertThat(parity.trend().stream().mapToLong(ParityMonth::totalMinutes).sum()).isEqualTo(parity.totalMinutes());

            ReviewPage page = figures.review(timebank.timebankId,
                    new ReviewQuery(period, null, null, ReviewSort.NAME, false, 0, ReviewQuery.MAX_SIZE),
                    timebank.end());
            assertThat(page.rows()).hasSize(timebank.members.size());
            for (ReviewRow row : page.rows()) {
                assertThat(row.givenMinutes()).as("given by %s in %s", row.memberId(), period)
                        .isEqualTo(recount.given(period, row.memberId()));
                assertThat(row.receivedMinutes()).isEqualTo(recount.received(period, row.memberId()));
                assertThat(row.balanceMinutes()).isEqualTo(recount.balance(row.memberId()));
                List<Instant> waiting = recount.waiting(row.memberId());
                assertThat(row.waitingValidations()).as("waiting for %s", row.memberId()).isEqualTo(waiting.size());
                Set<Flag> flags = EnumSet.noneOf(Flag.class);
                long given = recount.given(period, row.memberId());
                long received = recount.received(period, row.memberId());
                if (received >= Thresholds.DEFAULT.muchMinutes() && given <= 0) {
                    flags.add(Flag.RECEIVED_MUCH_NEVER_GAVE);
                }
                if (given >= Thresholds.DEFAULT.muchMinutes() && received <= 0) {
                    flags.add(Flag.GAVE_MUCH_NEVER_RECEIVED);
                }
                if (waiting.stream().anyMatch(w -> w.plus(Thresholds.DEFAULT.longWait()).isBefore(timebank.end()))) {
                    flags.add(Flag.LONG_WAIT_FOR_VALIDATION);
                }
                if (recount.nearLimit(row.memberId())) {
                    flags.add(Flag.NEAR_LIMIT);
                }
                assertThat(row.flags()).as("flags of %s in %s", row.memberId(), period).isEqualTo(flags);
            }

            IndicatorFigures indicators = figures.indicators(timebank.timebankId, period);
            assertThat(indicators.indicators()).hasSize(7);
            for (Indicator indicator : indicators.indicators()) {
                assertIndicator(indicator.period(), recount.indicator(period, indicator.kind(), null), indicator.kind());
                for (Indicator.MonthFigure month : indicator.trend()) {
                    assertIndicator(month.figure(), recount.indicator(period, indicator.kind(), month.month()),
                            indicator.kind());
                }
                assertThat(figures.behind(timebank.timebankId, indicator.kind(), period).stream()
                        .mapToLong(BehindFigure::minutes).sum()).isEqualTo(indicator.period().minutes());
            }
        }
    }

    @ParameterizedTest(name = "timebank of seed {0}")
    @MethodSource("seeds")
    void aRebuildFromTheStartGivesTheSameFigures(long seed) {
        RandomTimebank timebank = new RandomTimebank(seed).generate();
        ZoneId zone = zone(seed);
        ReviewFigures live = project(timebank.delivered(new Random(seed)), new Random(seed), zone);
        ReviewFigures rebuilt = project(timebank.delivered(new Random(seed + 1)), new Random(seed + 1), zone);
        for (Period period : periods(timebank, zone)) {
            assertThat(rebuilt.parity(timebank.timebankId, period)).isEqualTo(live.parity(timebank.timebankId, period));
            assertThat(rebuilt.indicators(timebank.timebankId, period))
                    .isEqualTo(live.indicators(timebank.timebankId, period));
            for (ReviewSort sort : ReviewSort.values()) {
                ReviewQuery query = new ReviewQuery(period, null, null, sort, true, 0, 5);
                assertThat(rebuilt.review(timebank.timebankId, query, timebank.end()))
                        .isEqualTo(live.review(timebank.timebankId, query, timebank.end()));
            }
            for (CoproductionKind kind : CoproductionKind.values()) {
                assertThat(rebuilt.behind(timebank.timebankId, kind, period))
                        .isEqualTo(live.behind(timebank.timebankId, kind, period));
            }
        }
    }

    private static void assertIndicator(IndicatorFigure figure, long[] expected, CoproductionKind kind) {
        assertThat(new long[] {figure.contributions(), figure.people(), figure.minutes(), figure.serviceUsers()})
                .as("%s: contributions, people, minutes, service users", kind).containsExactly(expected);
        assertThat(figure.met()).isEqualTo(figure.serviceUsers() >= (kind == CoproductionKind.GOVERNING_BODY ? 2 : 1));
    }

    /**
     * Folds the delivery in batches of random sizes (as the listeners get them: a batch may hold an
     * entry and its reversal, or only one of them), reading the figures in the timebank's zone.
     */
    private static ReviewFigures project(List<DomainEvent> delivered, Random batches, ZoneId zone) {
        ReviewFacts facts = ReviewFacts.inMemory();
        Projector projector = new Projector(facts);
        for (int from = 0; from < delivered.size(); ) {
            int to = Math.min(delivered.size(), from + 1 + batches.nextInt(batches.nextBoolean() ? 3 : 40));
            projector.applyAll(delivered.subList(from, to));
            from = to;
        }
        return new ReviewFigures(facts, Thresholds.DEFAULT, zone, facts::changes);
    }

    /** UTC, and zones either side of it whose months start hours away from UTC's (with summer time). */
    private static ZoneId zone(long seed) {
        List<ZoneId> zones = List.of(ZoneOffset.UTC, ZoneId.of("Pacific/Auckland"), ZoneId.of("America/Los_Angeles"),
                ZoneId.of("Europe/London"));
        return zones.get((int) Math.floorMod(seed, (long) zones.size()));
    }

    /** Each month of the history alone, and the whole of it. */
    private static List<Period> periods(RandomTimebank timebank, ZoneId zone) {
        YearMonth first = YearMonth.from(RandomTimebank.START.atZone(zone));
        YearMonth last = YearMonth.from(timebank.end().atZone(zone));
        List<Period> periods = new java.util.ArrayList<>(new Period(first, last).months().stream().map(Period::month).toList());
        periods.add(new Period(first, last));
        return periods;
    }
}
