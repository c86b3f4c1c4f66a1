package org.reciprocity.portal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parity pictures: named and described for a screen reader, no style attribute, sized by the figures. */
class ReviewChartsTest {

    static final Map<String, String> WORDS = Map.of("SERVICE_USER", "Service users", "STAFF", "Staff", "CARER", "Carers",
            "NEIGHBOUR", "Neighbours", "ORGANISATION", "The service <orgs>");

    static ReviewFigures.Parity parity() {
        return new ReviewFigures.Parity(new ReviewFigures.Period("2026-10", "2026-11"), 240,
                Map.of("SERVICE_USER", Map.of("STAFF", 60L), "STAFF", Map.of("SERVICE_USER", 180L)),
                new ReviewFigures.Share(60, 180, 25),
                List.of(new ReviewFigures.ParityMonth("2026-10", 60, Map.of(), new ReviewFigures.Share(0, 60, 0)),
                        new ReviewFigures.ParityMonth("2026-11", 180, Map.of(), new ReviewFigures.Share(60, 120, 33))));
    }

    @Test
    void theFlowIsABandForEachPairThatMovedHoursAsThickAsItsShare() {
        String svg = ReviewCharts.flow(new ReviewCharts.Label("flow", "Who gave to whom", "Bands & figures"), parity(),
                WORDS, "Gave", "Received");
        assertThat(svg).startsWith("<svg").contains("role=\"img\"", "aria-labelledby=\"flow-title flow-desc\"",
                "<title id=\"flow-title\">Who gave to whom</title>", "<desc id=\"flow-desc\">Bands &amp; figures</desc>",
                "The service &lt;orgs&gt;", "Staff · 3 h", "Service users · 1 h")
                .doesNotContain("style=");
        assertThat(svg.split("<line class=\"flow").length - 1).as("two pairs moved hours").isEqualTo(2);
        assertThat(svg).contains("stroke-width=\"20.0\"").contains("stroke-width=\"7.3\"");
    }

    @Test
    void theShareSplitsOneBarAndSaysEachPart() {
        String svg = ReviewCharts.share(new ReviewCharts.Label("share", "Share", "One bar"), parity().serviceUsers(),
                "Gave", "Received");
        assertThat(svg).contains("<rect class=\"given\" x=\"10\" y=\"10\" width=\"155.0\"", "<rect class=\"received\"",
                "Gave 1 h", "Received 3 h").doesNotContain("style=");
        assertThat(ReviewCharts.share(new ReviewCharts.Label("share", "Share", "One bar"),
                new ReviewFigures.Share(0, 0, null), "Gave", "Received")).contains("class=\"empty\"");
    }

    @Test
    void theTrendHasTwoBarsAMonthAndALineThroughEveryHour() {
        String svg = ReviewCharts.trend(new ReviewCharts.Label("trend", "Month by month", "Bars and a line"),
                parity().trend(), Locale.ENGLISH);
        assertThat(svg).contains("<title id=\"trend-title\">Month by month</title>", "Oct 2026", "Nov 2026",
                "<polyline class=\"line\"").doesNotContain("style=");
        assertThat(svg.split("<rect class=\"given\"").length - 1).isEqualTo(2);
        assertThat(svg.split("<circle class=\"dot\"").length - 1).isEqualTo(2);
    }

    @Test
    void forThePdfAPictureCarriesItsOwnColoursAndItsWordsAsAlt() {
        ReviewCharts.Label label = new ReviewCharts.Label("share", "Share", "One bar & two parts");
        String svg = ReviewCharts.forPrint(ReviewCharts.share(label, parity().serviceUsers(), "Gave", "Received"), label);
        assertThat(svg).startsWith("<svg alt=\"Share. One bar &amp; two parts\" xmlns=")
                .contains("</desc><style type=\"text/css\">", ".portal-chart .given { fill: #00703c; }")
                .doesNotContain("style=");
    }
}
