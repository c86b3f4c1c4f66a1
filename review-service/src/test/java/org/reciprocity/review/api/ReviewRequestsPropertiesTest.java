package org.reciprocity.review.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.reciprocity.kit.problem.Wording;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.review.ReviewRefusal;
import org.reciprocity.review.figures.Period;
import org.reciprocity.review.figures.ReviewQuery;

/**
 * Whatever a request says, reading it ends in a value the figures can count with or in one of the
 * review's own refusals, never in another exception (which would be a 500): the property behind
 * ReviewFuzzIT's examples, over any text, the texts people mistype, and near-valid months.
 */
class ReviewRequestsPropertiesTest {

    private static final Clock NOVEMBER = Clock.fixed(Instant.parse("2026-11-15T12:00:00Z"), ZoneOffset.UTC);
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}]");

    @Property(tries = 2000)
    void aPeriodIsBoundedOrRefusedAsOneOfThePeriodsProblems(@ForAll("months") String from, @ForAll("months") String to) {
        try {
            Period period = ReviewRequests.period(from, to, NOVEMBER);
            assertThat(period.from()).isBeforeOrEqualTo(period.to());
            assertThat(period.months()).hasSizeBetween(1, Period.MAX_MONTHS);
            assertThat(period.from().getYear()).isBetween(0, 9999);
        } catch (ApiException refused) {
            assertThat(refused.refusal().code()).isIn("not-a-month", "period-backwards", "period-too-long");
        }
    }

    @Property(tries = 500)
    void aMonthAsPeopleWriteItIsReadAsThatMonth(@ForAll("validMonths") YearMonth month) {
        assertThat(ReviewRequests.period(month.toString(), " " + month + " ", NOVEMBER)).isEqualTo(Period.month(month));
    }

    @Property(tries = 2000)
    void kindsSortsDirectionsAndIndicatorsAreReadOrRefusedWithTheirOwnCode(@ForAll("texts") String text) {
        refusedOnlyAs(() -> ReviewRequests.memberKind(text), "not-a-member-kind");
        refusedOnlyAs(() -> ReviewRequests.indicator(text), "not-an-indicator");
        Period november = Period.month(YearMonth.of(2026, 11));
        refusedOnlyAs(() -> ReviewRequests.query(november, null, text, text, "asc", 0, 50), "not-a-sort");
        refusedOnlyAs(() -> ReviewRequests.query(november, null, null, "name", text, 0, 50), "not-a-direction");
    }

    @Property(tries = 2000)
    void aPageOrSizeIsAPlainNumberOrRefusedAsOutOfRange(@ForAll("numbers") String text) {
        Period november = Period.month(YearMonth.of(2026, 11));
        try {
            int page = ReviewRequests.number(text, 0);
            int size = ReviewRequests.number(text, 50);
            assertThat(page).isNotNegative();
            ReviewQuery query = ReviewRequests.query(november, null, null, "name", "asc", page, Math.max(1, size));
            assertThat(query.page()).isBetween(0, 100_000);
        } catch (ApiException refused) {
            assertThat(refused.refusal().code()).isEqualTo("page-out-of-range");
        }
    }

    @Property(tries = 2000)
    void whatIsQuotedBackIsShortAndHasNothingAReaderCannotSee(@ForAll("texts") String text) {
        String quoted = ReviewRequests.printable(text);
        assertThat(UNPRINTABLE.matcher(quoted).find()).as(quoted).isFalse();
        assertThat(quoted.codePointCount(0, quoted.length())).isLessThanOrEqualTo(41);
    }

    @Property(tries = 200)
    void aRebuildTakesNothing(@ForAll("texts") String text) {
        Set<String> nothing = Set.of("", "{}", "null");
        try {
            ReviewRequests.nothing(null, text);
            assertThat(nothing).contains(text.strip());
        } catch (ApiException refused) {
            assertThat(refused.refusal().code()).isEqualTo("rebuild-takes-nothing");
            assertThat(nothing).doesNotContain(text.strip());
        }
    }

    @Example
    void everyRefusalHasItsOwnWordsInEnglishAndFrench() {
        for (ReviewRefusal reason : ReviewRefusal.values()) {
            Map<String, Object> params = Map.of("value", "x", "most", 60);
            String english = Wording.words(reason, params, Locale.ENGLISH);
            String french = Wording.words(reason, params, Locale.FRENCH);
            assertThat(english).as(reason.code()).isNotBlank().doesNotContain("{");
            assertThat(french).as(reason.code()).isNotBlank().doesNotContain("{").isNotEqualTo(english);
        }
    }

    private static void refusedOnlyAs(Runnable read, String code) {
        try {
            read.run();
        } catch (ApiException refused) {
            assertThat(refused.refusal().code()).isEqualTo(code);
            assertThat(UNPRINTABLE.matcher(refused.refusal().words(Locale.FRENCH)).find()).isFalse();
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(60),
                Arbitraries.of("service-user", "SERVICE_USER", " staff ", "organisation", "given", "last-activity", "desc",
                        "ASC", "governing-body", "peer-support", "=1+1", "@SUM(A1)", "\u202eevil", "a\ud800b",
                        "\ud83c\udf31".repeat(30), "x".repeat(10_000), "{}", " null ", "", " "));
    }

    @Provide
    Arbitrary<String> months() {
        Arbitrary<String> nearlyValid = Combinators.combine(
                Arbitraries.integers().between(-1, 10_001), Arbitraries.integers().between(-1, 14))
                .as((year, month) -> String.format("%04d-%02d", year, month));
        return Arbitraries.oneOf(nearlyValid, texts(),
                Arbitraries.of("+999999999-12", "-999999999-01", "-2026-11", "+10000-01", "2026-1", "2026-11-01",
                        "\uff12\uff10\uff12\uff16-\uff11\uff11")).injectNull(0.05);
    }

    @Provide
    Arbitrary<YearMonth> validMonths() {
        return Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(1, 12))
                .as(YearMonth::of);
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().numeric().ofMaxLength(25),
                Arbitraries.of("1.5", "1e3", "0x10", "+1", "\uff11", " 7 ", ""),
                texts()).injectNull(0.05);
    }
}
