package org.reciprocity.portal.statement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.reciprocity.portal.services.Dtos.StatementLine;
import org.reciprocity.portal.words.Dates;
import org.reciprocity.portal.words.Hours;
import org.springframework.web.util.HtmlUtils;

/**
 * The statement's two pictures, drawn on the server as SVG (no script, nothing inline the content
 * security policy would refuse: colours come from classes in portal.css), and the figures they are
 * drawn from, which the page also shows as a table for anyone who cannot see the picture.
 */
public final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    static final int LEFT = 70;
    static final int RIGHT = 10;
    static final int TOP = 10;
    static final int BOTTOM = 30;

    private Charts() {
    }

    /** The balance at the end of each day something moved. */
    public record Point(LocalDate day, long balance) {
    }

    /** Minutes given and received in one month. */
    public record Month(YearMonth month, long given, long received) {
    }

    public static List<Point> balanceOverTime(List<StatementLine> lines, ZoneId zone) {
        Map<LocalDate, Long> byDay = new TreeMap<>();
        for (StatementLine line : lines) {
            byDay.put(Dates.dayOf(line.postedAt(), zone), line.balanceAfter());
        }
        return byDay.entrySet().stream().map(e -> new Point(e.getKey(), e.getValue())).toList();
    }

    public static List<Month> byMonth(List<StatementLine> lines, ZoneId zone) {
        Map<YearMonth, long[]> months = new TreeMap<>();
        for (StatementLine line : lines) {
            long[] m = months.computeIfAbsent(YearMonth.from(Dates.dayOf(line.postedAt(), zone)), k -> new long[2]);
            if (line.given()) {
                m[0] += line.minutes();
            } else if (line.received()) {
                m[1] += line.minutes();
            }
        }
        return months.entrySet().stream().map(e -> new Month(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** A line of the balance over time, with its lowest and highest balance and first and last day named. */
    public static String balanceSvg(String id, List<Point> points, String title, Locale locale) {
        StringBuilder svg = open(id, title);
        if (points.isEmpty()) {
            return svg.append("</svg>").toString();
        }
        long min = Math.min(0, points.stream().mapToLong(Point::balance).min().orElse(0));
        long max = Math.max(60, points.stream().mapToLong(Point::balance).max().orElse(60));
        int plotWidth = WIDTH - LEFT - RIGHT;
        List<String> xy = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            double x = LEFT + (points.size() == 1 ? plotWidth / 2.0 : plotWidth * i / (double) (points.size() - 1));
            xy.add(round(x) + "," + round(y(points.get(i).balance(), min, max)));
        }
        axes(svg, min, max);
        svg.append("<line class=\"zero\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(round(y(0, min, max))).append("\" y2=\"").append(round(y(0, min, max))).append("\"/>");
        svg.append("<polyline class=\"line\" points=\"").append(String.join(" ", xy)).append("\"/>");
        // a dot on each day too: one day alone (a first week) is a dot, not a line nobody can see
        for (String point : xy) {
            String[] at = point.split(",");
            svg.append("<circle class=\"dot\" r=\"4\" cx=\"").append(at[0]).append("\" cy=\"").append(at[1]).append("\"/>");
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM uuuu", locale);
        svg.append(text(LEFT, HEIGHT - 8, "start", day.format(points.get(0).day())));
        if (points.size() > 1) {
            svg.append(text(WIDTH - RIGHT, HEIGHT - 8, "end", day.format(points.get(points.size() - 1).day())));
        }
        return svg.append("</svg>").toString();
    }

    /** Two bars a month: given (green) and received (blue). */
    public static String monthlySvg(String id, List<Month> months, String title, Locale locale) {
        StringBuilder svg = open(id, title);
        if (months.isEmpty()) {
            return svg.append("</svg>").toString();
        }
        long max = Math.max(60, months.stream().mapToLong(m -> Math.max(m.given(), m.received())).max().orElse(60));
        axes(svg, 0, max);
        double slot = (WIDTH - LEFT - RIGHT) / (double) months.size();
        double bar = Math.min(40, slot / 2.5);
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MMM uuuu", locale);
        for (int i = 0; i < months.size(); i++) {
            Month m = months.get(i);
            double centre = LEFT + slot * i + slot / 2;
            svg.append(bar("given", centre - bar, bar, m.given(), max));
            svg.append(bar("received", centre, bar, m.received(), max));
            svg.append(text(centre, HEIGHT - 8, "middle", label.format(m.month())));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"portal-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" aria-labelledby=\"").append(id).append("-title\"><title id=\"").append(id)
                .append("-title\">").append(HtmlUtils.htmlEscape(title)).append("</title>");
    }

    private static void axes(StringBuilder svg, long min, long max) {
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>");
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                .append(HEIGHT - BOTTOM).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>");
        svg.append(text(LEFT - 6, TOP + 10, "end", Hours.of(max)));
        svg.append(text(LEFT - 6, HEIGHT - BOTTOM, "end", Hours.of(min)));
    }

    private static String bar(String series, double x, double width, long minutes, long max) {
        double height = (HEIGHT - TOP - BOTTOM) * minutes / (double) max;
        return "<rect class=\"" + series + "\" x=\"" + round(x) + "\" y=\"" + round(HEIGHT - BOTTOM - height)
                + "\" width=\"" + round(width) + "\" height=\"" + round(height) + "\"/>";
    }

    private static double y(long minutes, long min, long max) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (max - minutes) / (double) (max - min);
    }

    private static String text(double x, double y, String anchor, String words) {
        return "<text x=\"" + round(x) + "\" y=\"" + round(y) + "\" text-anchor=\"" + anchor + "\">"
                + HtmlUtils.htmlEscape(words) + "</text>";
    }

    private static String round(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}
