package org.reciprocity.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;

/**
 * {@code GET /dev/status}: which processes run, since when, how often they were started again and
 * how the last one ended. JSON for scripts; a plain page for a person (a browser asking for HTML,
 * or {@code /dev/status.html}).
 */
final class StatusPage {

    private final Supplier<List<Supervised.Status>> processes;

    StatusPage(Supplier<List<Supervised.Status>> processes) {
        this.processes = processes;
    }

    void serve(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            DevPages.reply(exchange, 405, "text/plain; charset=utf-8", "GET only\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        boolean html = exchange.getRequestURI().getPath().endsWith(".html") || accept != null && accept.contains("text/html");
        List<Supervised.Status> now = processes.get();
        if (html) {
            DevPages.reply(exchange, 200, "text/html; charset=utf-8", html(now).getBytes(StandardCharsets.UTF_8));
        } else {
            DevPages.reply(exchange, 200, "application/json", json(now).getBytes(StandardCharsets.UTF_8));
        }
    }

    static String json(List<Supervised.Status> processes) {
        StringBuilder out = new StringBuilder("{\"processes\":[");
        for (int i = 0; i < processes.size(); i++) {
            Supervised.Status p = processes.get(i);
            out.append(i == 0 ? "" : ",").append("{\"name\":").append(quoted(p.name()))
                    .append(",\"pid\":").append(p.pid())
                    .append(",\"state\":").append(quoted(p.state().words()))
                    .append(",\"since\":").append(quoted(p.since().truncatedTo(ChronoUnit.SECONDS).toString()))
                    .append(",\"restarts\":").append(p.restarts())
                    .append(",\"lastExitCode\":").append(p.lastExitCode())
                    .append(",\"log\":").append(p.log() == null ? "null" : quoted(p.log()))
                    .append('}');
        }
        return out.append("]}").toString();
    }

    static String html(List<Supervised.Status> processes) {
        Instant now = Instant.now();
        StringBuilder out = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta http-equiv=\"refresh\" content=\"5\"><title>Reciprocity: what is running</title>"
                + "<style>body{font-family:system-ui,sans-serif;margin:1em 2em;line-height:1.4;color:#0b0c0c}"
                + "table{border-collapse:collapse}td,th{padding:.4em 1em .4em 0;text-align:left;vertical-align:top}"
                + "th{border-bottom:2px solid #505a5f}td{border-bottom:1px solid #b1b4b6}"
                // on a phone each process is a block of labelled lines, not a table wider than the screen
                + "@media (max-width:640px){body{margin:1em}thead{position:absolute;left:-9999px}"
                + "tr,td{display:block}tr{border-bottom:2px solid #505a5f;padding:.5em 0}td{border:0;padding:.1em 0}"
                + "td::before{content:attr(data-label) \": \";font-weight:bold}}</style></head><body>"
                + "<h1>What is running</h1>"
                + "<p>This page refreshes every 5 seconds. A process that stops is started again by the launcher. "
                + "Times are UTC.</p>"
                + "<table><thead><tr><th>Process</th><th>State</th><th>Since</th><th>Process id</th>"
                + "<th>Started again</th><th>How it last stopped</th></tr></thead><tbody>");
        for (Supervised.Status p : processes) {
            out.append("<tr><td data-label=\"Process\">").append(escaped(p.name()))
                    .append("</td><td data-label=\"State\">").append(p.state().words().replace('-', ' '))
                    .append("</td><td data-label=\"Since\">").append(when(p.since(), now)).append(" (")
                    .append(ago(p.since(), now)).append(")</td><td data-label=\"Process id\">")
                    .append(p.pid() == null ? "none" : p.pid())
                    .append("</td><td data-label=\"Started again\">").append(p.restarts())
                    .append(p.restarts() == 1 ? " time" : " times")
                    .append("</td><td data-label=\"How it last stopped\">").append(howItStopped(p.lastExitCode()))
                    .append("</td></tr>");
        }
        return out.append("</tbody></table></body></html>").toString();
    }

    /** {@code 14:03:07}, or {@code 30 Nov 14:03:07} when it was not today (UTC). */
    static String when(Instant at, Instant now) {
        ZonedDateTime time = at.atZone(ZoneOffset.UTC);
        boolean today = time.toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate());
        return time.format(DateTimeFormatter.ofPattern(today ? "HH:mm:ss" : "d MMM HH:mm:ss", Locale.ENGLISH));
    }

    /** An exit code in words: a JVM killed by a signal exits with 128 + its number. */
    static String howItStopped(Integer exitCode) {
        if (exitCode == null) {
            return "has not stopped";
        }
        if (exitCode == 137) {
            return "killed (exit code 137)";
        }
        return exitCode == 0 ? "stopped cleanly (exit code 0)" : "failed (exit code " + exitCode + ")";
    }

    private static String ago(Instant since, Instant now) {
        long seconds = Math.max(0, ChronoUnit.SECONDS.between(since, now));
        if (seconds < 120) {
            return seconds + " s ago";
        }
        return seconds < 7200 ? seconds / 60 + " min ago" : seconds / 3600 + " h ago";
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
