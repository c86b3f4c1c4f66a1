package org.reciprocity.review.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberErased;
import org.reciprocity.review.erasure.ReviewErasure;
import org.reciprocity.review.facts.FactStore;
import org.reciprocity.review.facts.MemoryErasures;
import org.reciprocity.review.facts.MemoryFactStore;
import org.reciprocity.review.facts.Projector;
import org.reciprocity.review.facts.ReviewFacts;

/**
 * An erasure keeps the review's figures by kind and period and forgets the member: on random
 * timebanks (events delivered out of order and twice), parity, the indicators, their trends and what
 * is behind them, for each month and the whole history, are the same before the erasure of one to
 * three members, after it, and after a rebuild from the topics as compaction leaves them (the erased
 * members' details only as the erased record, with no kind; {@code MemberErased} on the members
 * topic); the other members' rows are unchanged; the erased members have no row, and no document
 * of the projections names them.
 */
class ErasedFiguresTest {

    static LongStream seeds() {
        Random seeds = new Random(20261202L);
        return LongStream.generate(seeds::nextLong).limit(200);
    }

    @ParameterizedTest(name = "timebank of seed {0}")
    @MethodSource("seeds")
    void figuresByKindAndMonthSurviveAnErasureAndARebuild(long seed) {
        RandomTimebank timebank = new RandomTimebank(seed).generate();
        String tb = timebank.timebankId;
        ZoneId zone = zone(seed);
        MemoryErasures erasures = new MemoryErasures();
        ReviewFacts facts = ReviewFacts.inMemory(erasures);
        ReviewFigures figures = project(facts, timebank.delivered(new Random(seed)), new Random(seed), zone);
        Map<Period, Figures> before = figures(figures, timebank, zone);

        Random random = new Random(seed ^ 0x5EEDL);
        List<String> members = new ArrayList<>(timebank.members);
        java.util.Collections.shuffle(members, random);
        List<String> erased = members.subList(0, 1 + random.nextInt(Math.min(3, members.size())));
        ReviewErasure erasure = new ReviewErasure(facts, figures);
        for (String member : erased) {
            erasure.erase(tb, member);
            erasure.erase(tb, member); // redelivered: changes nothing
        }

        Map<Period, Figures> after = figures(figures, timebank, zone);
        for (Period period : before.keySet()) {
            Figures was = before.get(period);
            Figures is = after.get(period);
            assertThat(is.parity()).as("parity in %s", period).isEqualTo(was.parity());
            assertThat(is.indicators()).as("indicators in %s", period).isEqualTo(was.indicators());
            assertThat(is.behindTotals()).as("behind the indicators in %s", period).isEqualTo(was.behindTotals());
            Map<String, ReviewRow> others = new LinkedHashMap<>(was.rows());
            erased.forEach(others::remove);
            assertThat(is.rows()).as("rows in %s", period).isEqualTo(others);
            assertThat(is.totals()).as("the review's totals (given, received) in %s: the erased members' hours still count",
                    period).isEqualTo(was.totals());
        }
        assertForgotten(facts, erasures, tb, erased);

        // a rebuild: what the topics hold after compaction, read in another order, erasures kept
        List<DomainEvent> topics = new ArrayList<>();
        for (DomainEvent event : timebank.events) {
            if (!(event instanceof MemberDetailsRecorded d && erased.contains(d.memberId()))) {
                topics.add(event);
            }
        }
        for (String member : erased) {
            topics.add(MemberDetailsRecorded.ofErased(UUID.randomUUID(), timebank.end(), tb, member,
                    timebank.version(member) + 1));
            topics.add(new MemberErased(UUID.randomUUID(), timebank.end(), tb, member, "admin"));
        }
        ReviewFacts again = ReviewFacts.inMemory(erasures);
        ReviewFigures rebuilt = project(again, timebank.delivered(new Random(seed + 1), topics), new Random(seed + 1), zone);
        erased.forEach(member -> new ReviewErasure(again, rebuilt).erase(tb, member)); // the erasure read again: nothing new
        Map<Period, Figures> afterRebuild = figures(rebuilt, timebank, zone);
        for (Period period : after.keySet()) {
            Figures is = afterRebuild.get(period);
            Figures was = after.get(period);
            assertThat(is.parity()).as("parity in %s after a rebuild", period).isEqualTo(was.parity());
            assertThat(is.indicators()).as("indicators in %s after a rebuild", period).isEqualTo(was.indicators());
            assertThat(is.behind()).as("behind in %s after a rebuild", period).isEqualTo(was.behind());
            assertThat(is.rows()).as("rows in %s after a rebuild", period).isEqualTo(was.rows());
            assertThat(is.totals()).as("the review's totals in %s after a rebuild", period).isEqualTo(was.totals());
        }
        assertForgotten(again, erasures, tb, erased);
    }

    /**
     * A crash between the erasure's steps (the figures kept, the token not yet forgotten, nothing
     * forgotten in the projections) and the event again: the figures are what they were, counted once.
     */
    @ParameterizedTest(name = "timebank of seed {0}")
    @MethodSource("seeds")
    void anErasureCutShortAndRepeatedCountsTheMembersHoursOnce(long seed) {
        RandomTimebank timebank = new RandomTimebank(seed).generate();
        String tb = timebank.timebankId;
        ZoneId zone = zone(seed);
        MemoryErasures erasures = new MemoryErasures();
        ReviewFacts facts = ReviewFacts.inMemory(erasures);
        ReviewFigures figures = project(facts, timebank.delivered(new Random(seed)), new Random(seed), zone);
        Map<Period, Figures> before = figures(figures, timebank, zone);
        String member = timebank.members.get(new Random(seed).nextInt(timebank.members.size()));

        String token = erasures.begin(tb, member).orElseThrow();
        erasures.keep(tb, token, figures.contributionsOf(tb, member, "erased:" + token)); // then the process died
        new ReviewErasure(facts, figures).erase(tb, member);

        Map<Period, Figures> after = figures(figures, timebank, zone);
        for (Period period : before.keySet()) {
            assertThat(after.get(period).parity()).as("parity in %s", period).isEqualTo(before.get(period).parity());
            assertThat(after.get(period).indicators()).as("indicators in %s", period)
                    .isEqualTo(before.get(period).indicators());
            assertThat(after.get(period).totals()).as("the review's totals in %s", period)
                    .isEqualTo(before.get(period).totals());
        }
        assertForgotten(facts, erasures, tb, List.of(member));
    }

    /** What a period shows: parity, indicators, the lines behind them, each member's row. */
    record Figures(ParityFigures parity, IndicatorFigures indicators, Map<CoproductionKind, List<BehindFigure>> behind,
                   Map<String, ReviewRow> rows, List<Long> totals) {

        /** The lines behind each indicator without their ids and days (an erased member's have none): minutes and kinds. */
        Map<CoproductionKind, List<String>> behindTotals() {
            Map<CoproductionKind, List<String>> totals = new LinkedHashMap<>();
            behind.forEach((kind, lines) -> totals.put(kind, lines.stream()
                    .map(l -> l.minutes() + " " + l.giverKind() + "→" + l.receiverKind() + " " + l.groupActivity())
                    .sorted().toList()));
            return totals;
        }
    }

    private static Map<Period, Figures> figures(ReviewFigures figures, RandomTimebank timebank, ZoneId zone) {
        Map<Period, Figures> all = new LinkedHashMap<>();
        YearMonth first = YearMonth.from(RandomTimebank.START.atZone(zone));
        YearMonth last = YearMonth.from(timebank.end().atZone(zone));
        List<Period> periods = new ArrayList<>(new Period(first, last).months().stream().map(Period::month).toList());
        periods.add(new Period(first, last));
        for (Period period : periods) {
            Map<CoproductionKind, List<BehindFigure>> behind = new LinkedHashMap<>();
            for (CoproductionKind kind : CoproductionKind.values()) {
                behind.put(kind, figures.behind(timebank.timebankId, kind, period));
            }
            Map<String, ReviewRow> rows = new LinkedHashMap<>();
            ReviewPage page = figures.review(timebank.timebankId, new ReviewQuery(period, null, null, ReviewSort.NAME,
                    false, 0, ReviewQuery.MAX_SIZE), timebank.end());
            page.rows().stream().sorted(Comparator.comparing(ReviewRow::memberId)).forEach(r -> rows.put(r.memberId(), r));
            all.put(period, new Figures(figures.parity(timebank.timebankId, period),
                    figures.indicators(timebank.timebankId, period), behind, rows,
                    List.of(page.givenMinutes(), page.receivedMinutes())));
        }
        return all;
    }

    /** No document of the projections, and nothing in the erased figures, names an erased member. */
    private static void assertForgotten(ReviewFacts facts, MemoryErasures erasures, String tb, List<String> erased) {
        for (String member : erased) {
            Pattern named = Pattern.compile("(?<![\\w-])" + Pattern.quote(member) + "(?![\\w])");
            assertThat(facts.members().find(org.reciprocity.review.facts.Keys.of(tb, member))).isEmpty();
            for (FactStore<?> store : facts.stores()) {
                for (Object fact : ((MemoryFactStore<?>) store).all()) {
                    assertThat(named.matcher(fact.toString()).find()).as("%s names %s", fact, member).isFalse();
                }
            }
            assertThat(named.matcher(erasures.contributions(tb).toString()).find()).as("erased figures name %s", member)
                    .isFalse();
        }
    }

    private static ReviewFigures project(ReviewFacts facts, List<DomainEvent> delivered, Random batches, ZoneId zone) {
        Projector projector = new Projector(facts);
        for (int from = 0; from < delivered.size(); ) {
            int to = Math.min(delivered.size(), from + 1 + batches.nextInt(batches.nextBoolean() ? 3 : 40));
            projector.applyAll(delivered.subList(from, to));
            from = to;
        }
        return new ReviewFigures(facts, Thresholds.DEFAULT, zone, facts::changes);
    }

    private static ZoneId zone(long seed) {
        List<ZoneId> zones = List.of(ZoneOffset.UTC, ZoneId.of("Pacific/Auckland"), ZoneId.of("America/Los_Angeles"),
                ZoneId.of("Europe/London"));
        return zones.get((int) Math.floorMod(seed, (long) zones.size()));
    }
}
