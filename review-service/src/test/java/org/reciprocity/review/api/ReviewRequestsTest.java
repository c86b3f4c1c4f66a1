package org.reciprocity.review.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.review.facts.PartyKind;
import org.reciprocity.review.figures.Period;
import org.reciprocity.review.figures.ReviewSort;

/** What a review request may say, and the problem it gets when it says something else. */
class ReviewRequestsTest {

    final Clock november = Clock.fixed(Instant.parse("2026-11-15T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void thisMonthIsTheMonthInTheTimebanksZoneNotUtcs() {
        Instant lateOnTheLastOfSeptember = Instant.parse("2026-09-30T23:30:00Z"); // already October in London
        assertThat(ReviewRequests.period(null, null, Clock.fixed(lateOnTheLastOfSeptember, java.time.ZoneId.of("Europe/London"))))
                .isEqualTo(Period.month(YearMonth.of(2026, 10)));
        assertThat(ReviewRequests.period(null, null, Clock.fixed(lateOnTheLastOfSeptember, ZoneOffset.UTC)))
                .isEqualTo(Period.month(YearMonth.of(2026, 9)));
    }

    @Test
    void aPeriodIsThisMonthByDefaultAndOneMonthWhenOnlyItsStartIsGiven() {
        assertThat(ReviewRequests.period(null, null, november)).isEqualTo(Period.month(YearMonth.of(2026, 11)));
        assertThat(ReviewRequests.period("2026-03", null, november)).isEqualTo(Period.month(YearMonth.of(2026, 3)));
        assertThat(ReviewRequests.period("2026-01", "2026-06", november))
                .isEqualTo(new Period(YearMonth.of(2026, 1), YearMonth.of(2026, 6)));
    }

    @Test
    void aBadPeriodIsRefusedWithItsOwnCode() {
        assertCode(() -> ReviewRequests.period("2026-13", null, november), "not-a-month");
        assertCode(() -> ReviewRequests.period("november", null, november), "not-a-month");
        assertCode(() -> ReviewRequests.period("2026-06", "2026-01", november), "period-backwards");
        assertCode(() -> ReviewRequests.period("2000-01", "2026-01", november), "period-too-long");
    }

    @Test
    void kindsSortsAndIndicatorsAreReadInEitherSpelling() {
        assertThat(ReviewRequests.memberKind("service-user")).isEqualTo(PartyKind.SERVICE_USER);
        assertThat(ReviewRequests.memberKind("STAFF")).isEqualTo(PartyKind.STAFF);
        assertCode(() -> ReviewRequests.memberKind("organisation"), "not-a-member-kind");
        assertThat(ReviewRequests.query(Period.month(YearMonth.of(2026, 11)), null, " ", "last-activity", "desc", 0, 50)
                .sort()).isEqualTo(ReviewSort.LAST_ACTIVITY);
        assertCode(() -> ReviewRequests.query(Period.month(YearMonth.of(2026, 11)), null, null, "age", "asc", 0, 50),
                "not-a-sort");
        assertCode(() -> ReviewRequests.query(Period.month(YearMonth.of(2026, 11)), null, null, "name", "up", 0, 50),
                "not-a-direction");
        assertCode(() -> ReviewRequests.query(Period.month(YearMonth.of(2026, 11)), null, null, "name", "asc", 0, 501),
                "page-out-of-range");
        assertThat(ReviewRequests.indicator("governing-body")).isEqualTo(CoproductionKind.GOVERNING_BODY);
        assertCode(() -> ReviewRequests.indicator("peer-support"), "not-an-indicator");
    }

    private static void assertCode(Runnable request, String code) {
        assertThatThrownBy(request::run).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.refusal().code()).isEqualTo(code));
    }
}
