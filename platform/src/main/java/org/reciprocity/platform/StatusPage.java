package org.reciprocity.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
            DevIssuer.reply(exchange, 405, "text/plain; charset=utf-8", "GET only\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        boolean html = exchange.getRequestURI().getPath().endsWith(".html") || accept != null && accept.contains("text/html");
        List<Supervised.Status> now = processes.get();
        if (html) {
            DevIssuer.reply(exchange, 200, "text/html; charset=utf-8", html(now).getBytes(StandardCharsets.UTF_8));
        } else {
            DevIssuer.reply(exchange, 200, "application/json", json(now).getBytes(StandardCharsets.UTF_8));
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
                + "<meta http-equiv=\"refresh\" content=\"5\"><title>Reciprocity: what is running</title>"
                + "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em 1em;text-align:left}"
                + "th{border-bottom:1px solid #999}</style></head><body><h1>What is running</h1>"
                + "<p>This page refreshes every 5 seconds. A process that stops is started again by the launcher.</p>"
                + "<table><thead><tr><th>Process</th><th>State</th><th>Since</th><th>Process id</th>"
                + "<th>Started again</th><th>Last exit code</th></tr></thead><tbody>");
        for (Supervised.Status p : processes) {
            out.append("<tr><td>").append(escaped(p.name())).append("</td><td>").append(p.state().words().replace('-', ' '))
                    .append("</td><td>").append(p.since().truncatedTo(ChronoUnit.SECONDS)).append(" (")
                    .append(ago(p.since(), now)).append(")</td><td>").append(p.pid() == null ? "-" : p.pid())
                    .append("</td><td>").append(p.restarts()).append(p.restarts() == 1 ? " time" : " times")
                    .append("</td><td>").append(p.lastExitCode() == null ? "-" : p.lastExitCode()).append("</td></tr>");
        }
        return out.append("</tbody></table></body></html>").toString();
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
