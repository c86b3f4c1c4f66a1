package org.reciprocity.portal.review;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.reciprocity.portal.words.Hours;
import org.springframework.web.util.HtmlUtils;

/**
 * The parity page's pictures, drawn on the server as SVG: no script, no style attribute (the content
 * security policy refuses both); colours come from classes in portal.css, sizes from presentation
 * attributes. Each has a title and a description, and the page shows the same figures as a table
 * right beside it, which is the picture's text alternative.
 */
final class ReviewCharts {

    static final int WIDTH = 640;

    private ReviewCharts() {
    }

    /** The words a picture says about itself: its title and a one-sentence description. */
    record Label(String id, String title, String description) {
    }

    /**
     * Parity's three pictures with their words, as the page and the report show them: {@code flowSvg},
     * {@code shareSvg} and {@code trendSvg}. {@code text} reads a message in the reader's language.
     */
    static Map<String, String> parity(ReviewFigures.Parity parity, Function<String, String> text, Locale locale) {
        return parity(parity, text, locale, false);
    }

    /** The same three, drawn for the report's PDF ({@link #forPrint}). */
    static Map<String, String> parityForPrint(ReviewFigures.Parity parity, Function<String, String> text, Locale locale) {
        return parity(parity, text, locale, true);
    }

    private static Map<String, String> parity(ReviewFigures.Parity parity, Function<String, String> text, Locale locale,
                                              boolean print) {
        Map<String, String> kindWords = new LinkedHashMap<>();
        for (String k : ReviewFigures.Flags.PARTY_KINDS) {
            kindWords.put(k, text.apply("review.kind." + k));
        }
        Label flow = new Label("flow-chart-svg", text.apply("review.parity.flow"), text.apply("review.parity.flow.desc"));
        Label share = new Label("share-chart-svg", text.apply("review.parity.share"), text.apply("review.parity.share.desc"));
        Label trend = new Label("trend-chart-svg", text.apply("review.parity.trend"), text.apply("review.parity.trend.desc"));
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("flowSvg", drawn(flow(flow, parity, kindWords, text.apply("review.parity.gave"),
                text.apply("review.parity.received")), flow, print));
        charts.put("shareSvg", drawn(share(share, parity.serviceUsers(), text.apply("review.parity.share.gave"),
                text.apply("review.parity.share.received")), share, print));
        charts.put("trendSvg", drawn(trend(trend, parity.trend(), locale), trend, print));
        return charts;
    }

    private static String drawn(String svg, Label label, boolean print) {
        return print ? forPrint(svg, label) : svg;
    }

    /**
     * Who gave to whom: the kinds that gave on the left, the kinds that received on the right, one band
     * between them for each pair that moved hours, as thick as its share of the busiest pair.
     */
    static String flow(Label label, ReviewFigures.Parity parity, Map<String, String> kindWords, String gave,
                       String received) {
        List<String> kinds = ReviewFigures.Flags.PARTY_KINDS;
        int height = 60 + kinds.size() * 50;
        StringBuilder svg = open(label, height);
        // room for the longest words ("The service (organisations) · 12 h 30 min") on either side
        int left = 250;
        int right = WIDTH - 250;
        svg.append(text(left, 20, "end", gave, "heading")).append(text(right, 20, "start", received, "heading"));
        long busiest = 1;
        for (String g : kinds) {
            for (String r : kinds) {
                busiest = Math.max(busiest, parity.minutes(g, r));
            }
        }
        for (int i = 0; i < kinds.size(); i++) {
            for (int j = 0; j < kinds.size(); j++) {
                long minutes = parity.minutes(kinds.get(i), kinds.get(j));
                if (minutes > 0) {
                    double width = 1 + 19.0 * minutes / busiest;
                    svg.append("<line class=\"flow flow-").append(kinds.get(i).toLowerCase(Locale.ROOT).replace('_', '-'))
                            .append("\" x1=\"").append(left + 6).append("\" y1=\"").append(row(i)).append("\" x2=\"")
                            .append(right - 6).append("\" y2=\"").append(row(j)).append("\" stroke-width=\"")
                            .append(round(width)).append("\"/>");
                }
            }
        }
        for (int i = 0; i < kinds.size(); i++) {
            String words = kindWords.getOrDefault(kinds.get(i), kinds.get(i));
            svg.append(text(left - 4, row(i) + 4, "end", words + " · " + Hours.of(parity.given(kinds.get(i))), null));
            svg.append(text(right + 4, row(i) + 4, "start", words + " · " + Hours.of(parity.received(kinds.get(i))), null));
        }
        return svg.append("</svg>").toString();
    }

    /** One bar, split: what service users gave staff and the service (green), against what they received (blue). */
    static String share(Label label, ReviewFigures.Share share, String gave, String received) {
        int height = 70;
        StringBuilder svg = open(label, height);
        long total = share == null ? 0 : share.givenMinutes() + share.receivedMinutes();
        int left = 10;
        int width = WIDTH - 20;
        if (total == 0) {
            svg.append("<rect class=\"empty\" x=\"").append(left).append("\" y=\"10\" width=\"").append(width)
                    .append("\" height=\"30\"/>");
            return svg.append("</svg>").toString();
        }
        double given = width * share.givenMinutes() / (double) total;
        svg.append("<rect class=\"given\" x=\"").append(left).append("\" y=\"10\" width=\"").append(round(given))
                .append("\" height=\"30\"/>");
        svg.append("<rect class=\"received\" x=\"").append(round(left + given)).append("\" y=\"10\" width=\"")
                .append(round(width - given)).append("\" height=\"30\"/>");
        svg.append(text(left, 60, "start", gave + " " + Hours.of(share.givenMinutes()), null));
        svg.append(text(left + width, 60, "end", received + " " + Hours.of(share.receivedMinutes()), null));
        return svg.append("</svg>").toString();
    }

    /**
     * Month by month: two bars (service users gave, received) and a line through every hour that moved,
     * all on one scale of hours.
     */
    static String trend(Label label, List<ReviewFigures.ParityMonth> months, Locale locale) {
        int height = 240;
        int leftAxis = 70;
        int top = 10;
        int bottom = 30;
        StringBuilder svg = open(label, height);
        if (months.isEmpty()) {
            return svg.append("</svg>").toString();
        }
        long max = 60;
        for (ReviewFigures.ParityMonth m : months) {
            max = Math.max(max, Math.max(m.totalMinutes(), Math.max(given(m), received(m))));
        }
        int plot = height - top - bottom;
        svg.append("<line class=\"axis\" x1=\"").append(leftAxis).append("\" x2=\"").append(leftAxis).append("\" y1=\"")
                .append(top).append("\" y2=\"").append(height - bottom).append("\"/>");
        svg.append("<line class=\"axis\" x1=\"").append(leftAxis).append("\" x2=\"").append(WIDTH - 10).append("\" y1=\"")
                .append(height - bottom).append("\" y2=\"").append(height - bottom).append("\"/>");
        svg.append(text(leftAxis - 6, top + 10, "end", Hours.of(max), null));
        svg.append(text(leftAxis - 6, height - bottom, "end", Hours.of(0), null));
        double slot = (WIDTH - leftAxis - 10) / (double) months.size();
        double bar = Math.min(40, slot / 2.5);
        DateTimeFormatter words = DateTimeFormatter.ofPattern("MMM uuuu", locale);
        List<String> line = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            ReviewFigures.ParityMonth m = months.get(i);
            double centre = leftAxis + slot * i + slot / 2;
            svg.append(bar("given", centre - bar, bar, given(m), max, height - bottom, plot));
            svg.append(bar("received", centre, bar, received(m), max, height - bottom, plot));
            line.add(round(centre) + "," + round(height - bottom - plot * m.totalMinutes() / (double) max));
            if (months.size() <= 12 || i % ((months.size() + 11) / 12) == 0) {
                svg.append(text(centre, height - 8, "middle", monthWords(m.month(), words), null));
            }
        }
        svg.append("<polyline class=\"line\" points=\"").append(String.join(" ", line)).append("\"/>");
        for (String point : line) {
            String[] at = point.split(",");
            svg.append("<circle class=\"dot\" r=\"4\" cx=\"").append(at[0]).append("\" cy=\"").append(at[1]).append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Colours and lettering for the report's PDF, where portal.css does not reach: the same rules,
     * inside the picture, which Batik reads (a page never gets this: its policy refuses inline style).
     */
    private static final String PRINT_STYLE = "<style type=\"text/css\">"
            + ".portal-chart text { font-family: 'DejaVu Sans', sans-serif; font-size: 12px; fill: #0b0c0c; }"
            + ".portal-chart .heading { font-weight: bold; }"
            + ".portal-chart .given { fill: #00703c; } .portal-chart .received { fill: #1d70b8; }"
            + ".portal-chart .line { fill: none; stroke: #1d70b8; stroke-width: 2; } .portal-chart .dot { fill: #1d70b8; }"
            + ".portal-chart .axis { stroke: #505a5f; stroke-width: 1; }"
            + ".portal-chart .flow { stroke: #1d70b8; stroke-opacity: 0.55; stroke-linecap: round; }"
            + ".portal-chart .flow-service-user { stroke: #00703c; } .portal-chart .flow-staff { stroke: #1d70b8; }"
            + ".portal-chart .flow-carer { stroke: #912b88; } .portal-chart .flow-neighbour { stroke: #f47738; }"
            + ".portal-chart .flow-organisation { stroke: #505a5f; } .portal-chart .empty { fill: #f3f2f1; stroke: #b1b4b6; }"
            + "</style>";

    /**
     * A picture as the PDF draws it: its own style, right after its title and description, and those
     * words again as {@code alt}, which openhtmltopdf gives the tagged PDF's Figure as its alternate text.
     */
    static String forPrint(String svg, Label label) {
        int at = svg.indexOf("</desc>") + "</desc>".length();
        String alt = " alt=\"" + HtmlUtils.htmlEscape(label.title() + ". " + label.description(), "UTF-8") + "\"";
        return "<svg" + alt + svg.substring("<svg".length(), at) + PRINT_STYLE + svg.substring(at);
    }

    private static long given(ReviewFigures.ParityMonth m) {
        return m.serviceUsers() == null ? 0 : m.serviceUsers().givenMinutes();
    }

    private static long received(ReviewFigures.ParityMonth m) {
        return m.serviceUsers() == null ? 0 : m.serviceUsers().receivedMinutes();
    }

    private static String monthWords(String month, DateTimeFormatter words) {
        try {
            return words.format(YearMonth.parse(month));
        } catch (RuntimeException unreadable) {
            return month;
        }
    }

    private static int row(int i) {
        return 55 + i * 50;
    }

    private static StringBuilder open(Label label, int height) {
        String id = label.id();
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"portal-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\"><title id=\"").append(id).append("-title\">").append(HtmlUtils.htmlEscape(label.title(), "UTF-8"))
                .append("</title><desc id=\"").append(id).append("-desc\">").append(HtmlUtils.htmlEscape(label.description(), "UTF-8"))
                .append("</desc>");
    }

    private static String bar(String series, double x, double width, long minutes, long max, int base, int plot) {
        double height = plot * minutes / (double) max;
        return "<rect class=\"" + series + "\" x=\"" + round(x) + "\" y=\"" + round(base - height)
                + "\" width=\"" + round(width) + "\" height=\"" + round(height) + "\"/>";
    }

    private static String text(double x, double y, String anchor, String words, String cssClass) {
        return "<text x=\"" + round(x) + "\" y=\"" + round(y) + "\" text-anchor=\"" + anchor + "\""
                + (cssClass == null ? "" : " class=\"" + cssClass + "\"") + ">" + HtmlUtils.htmlEscape(words, "UTF-8") + "</text>";
    }

    private static String round(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}
