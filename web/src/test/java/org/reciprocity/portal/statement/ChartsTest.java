package org.reciprocity.portal.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.services.Dtos.StatementLine;

class ChartsTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static StatementLine line(long seq, String at, String reason, String direction, long minutes, long after) {
        return new StatementLine(seq, at, "t" + seq, reason, direction, minutes, after, "ali", null, "Ali", "words");
    }

    final List<StatementLine> lines = List.of(
            line(1, "2026-10-03T10:00:00+02:00", "CONTRIBUTION", "IN", 120, 120),
            line(2, "2026-10-03T18:00:00+02:00", "CONTRIBUTION", "OUT", 30, 90),
            line(3, "2026-11-01T00:30:00+01:00", "CONTRIBUTION", "OUT", 60, 30),
            line(4, "2026-11-20T09:00:00+01:00", "REDEMPTION", "OUT", 60, -30));

    @Test
    void theBalanceOverTimeKeepsTheLastBalanceOfEachDay() {
        assertThat(Charts.balanceOverTime(lines, PARIS)).containsExactly(
                new Charts.Point(LocalDate.of(2026, 10, 3), 90),
                new Charts.Point(LocalDate.of(2026, 11, 1), 30),
                new Charts.Point(LocalDate.of(2026, 11, 20), -30));
    }

    @Test
    void givenAndReceivedByMonthCountOnlyTimeGivenAndReceived() {
        assertThat(Charts.byMonth(lines, PARIS)).containsExactly(
                new Charts.Month(YearMonth.of(2026, 10), 120, 30),
                new Charts.Month(YearMonth.of(2026, 11), 0, 60));
    }

    @Test
    void theBalanceChartIsOneLineThroughEveryPointWithAnAccessibleName() {
        String svg = Charts.balanceSvg("b", Charts.balanceOverTime(lines, PARIS), "Balance <over> time", Locale.ENGLISH);
        assertThat(svg).startsWith("<svg").endsWith("</svg>")
                .contains("role=\"img\"", "aria-labelledby=\"b-title\"", "<title id=\"b-title\">Balance &lt;over&gt; time</title>")
                .doesNotContain("style=", "<script");
        String points = svg.replaceAll("(?s).*<polyline class=\"line\" points=\"([^\"]*)\".*", "$1");
        assertThat(points.split(" ")).hasSize(3);
        assertThat(svg).contains(">1 h 30 min<", ">-30 min<");
    }

    @Test
    void theMonthlyChartHasABarPerSeriesPerMonth() {
        String svg = Charts.monthlySvg("m", Charts.byMonth(lines, PARIS), "Given and received", Locale.FRENCH);
        assertThat(Pattern.compile("<rect class=\"given\"").matcher(svg).results().count()).isEqualTo(2);
        assertThat(Pattern.compile("<rect class=\"received\"").matcher(svg).results().count()).isEqualTo(2);
        assertThat(svg).contains("oct. 2026", "nov. 2026").doesNotContain("style=");
    }

    @Test
    void aSingleDayIsADotNotAnInvisibleLine() {
        List<Charts.Point> oneDay = Charts.balanceOverTime(lines, PARIS).subList(0, 1);
        String svg = Charts.balanceSvg("b", oneDay, "t", Locale.ENGLISH);
        assertThat(Pattern.compile("<circle class=\"dot\"").matcher(svg).results().count()).isEqualTo(1);
    }

    @Test
    void anEmptyStatementDrawsAnEmptyPicture() {
        assertThat(Charts.monthlySvg("m", List.of(), "t", Locale.ENGLISH)).doesNotContain("<rect").endsWith("</svg>");
        assertThat(Charts.balanceSvg("b", List.of(), "t", Locale.ENGLISH)).doesNotContain("<polyline");
    }
}
