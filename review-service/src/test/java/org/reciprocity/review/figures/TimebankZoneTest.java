package org.reciprocity.review.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.review.Details;
import org.reciprocity.contracts.timebank.TimebankOpened;
import org.reciprocity.review.facts.PartyKind;
import org.reciprocity.review.facts.Projector;
import org.reciprocity.review.facts.ReviewFacts;

/**
 * A month is the timebank's month: an hour given at 23:30 UTC on 30 June is July's in London (summer
 * time) and June's in UTC; the timebank's {@code TimebankOpened} says which, even when it is read
 * after the entries.
 */
class TimebankZoneTest {

    private static final String TB = "tb-zone";
    private static final Instant LATE_ON_30_JUNE = Instant.parse("2026-06-30T23:30:00Z");

    @Test
    void anHourCountsInTheMonthOfTheTimebanksZoneEvenWhenItsZoneIsReadLast() {
        List<DomainEvent> events = new ArrayList<>(hourGiven());
        events.add(new TimebankOpened(UUID.randomUUID(), LATE_ON_30_JUNE.minus(Duration.ofDays(90)), TB, "Riverside",
                "Europe/London", "admin"));
        ReviewFigures figures = project(events);

        assertThat(given(figures, YearMonth.of(2026, 7))).isEqualTo(60);
        assertThat(given(figures, YearMonth.of(2026, 6))).isZero();
        assertThat(figures.parity(TB, Period.month(YearMonth.of(2026, 7))).matrix().get(PartyKind.SERVICE_USER)
                .get(PartyKind.STAFF)).isEqualTo(60);
        assertThat(figures.parity(TB, Period.month(YearMonth.of(2026, 6))).totalMinutes()).isZero();
    }

    @Test
    void withoutItsZoneATimebanksMonthsAreTheDefaultZones() {
        ReviewFigures figures = project(hourGiven());

        assertThat(given(figures, YearMonth.of(2026, 6))).isEqualTo(60);
        assertThat(given(figures, YearMonth.of(2026, 7))).isZero();
    }

    private static long given(ReviewFigures figures, YearMonth month) {
        return figures.review(TB, new ReviewQuery(Period.month(month), null, null, ReviewSort.NAME, false, 0, 10),
                LATE_ON_30_JUNE).rows().stream().filter(r -> r.memberId().equals("sam")).findFirst().orElseThrow()
                .givenMinutes();
    }

    private static ReviewFigures project(List<DomainEvent> events) {
        ReviewFacts facts = ReviewFacts.inMemory();
        new Projector(facts).applyAll(events);
        return new ReviewFigures(facts, Thresholds.DEFAULT, ZoneOffset.UTC, facts::changes);
    }

    /** Sam (a service user) gives Kim (staff) an hour, posted at 23:30 UTC on 30 June. */
    private static List<DomainEvent> hourGiven() {
        Instant before = LATE_ON_30_JUNE.minus(Duration.ofDays(30));
        return List.of(
                new MemberRegistered(UUID.randomUUID(), before, TB, "sam", null, null, null, null, List.of("MEMBER"),
                        "admin"),
                Details.recorded(TB, "sam", "Sam", MemberKind.SERVICE_USER, before),
                Details.recorded(TB, "kim", "Kim", MemberKind.STAFF, before),
                new ContributionLogged(UUID.randomUUID(), LATE_ON_30_JUNE, TB, "c1", "sam", "kim", LoggedBy.GIVER, "sam",
                        null, "kim", 60, LocalDate.of(2026, 6, 30), CoproductionKind.PEER_SUPPORT, "a note", null, null,
                        LATE_ON_30_JUNE.plus(Duration.ofDays(14))),
                new TransferPosted(UUID.randomUUID(), LATE_ON_30_JUNE, TB, "t1", "kim", "sam", 60,
                        TransferReason.CONTRIBUTION, -60, 60, "c1", null, 1, "h1"));
    }
}
