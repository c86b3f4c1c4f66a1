package org.reciprocity.bench.coordinator;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server's own time for each request, from the access logs Tomcat writes in every service and the
 * portal when the benchmark's script switches them on ({@code SERVER_TOMCAT_ACCESSLOG_*}, pattern
 * {@value #PATTERN}; {@code %q} is the query, "?" included, or "-"): {@code %D} is the time from the request's first byte read to the response's
 * last byte handed to the socket, in microseconds (Tomcat 10.1 and later). The {@code X-Bench}
 * header names the benchmark's own direct calls; a "-" there is a call the portal made.
 */
final class AccessLogs {

    /** What the script sets as {@code SERVER_TOMCAT_ACCESSLOG_PATTERN}; {@link #read} parses it. */
    static final String PATTERN = "%{X-Bench}i %m %U %q %s %D";
    private static final Pattern ID = Pattern.compile("[0-9a-zA-Z_-]*[0-9][0-9a-zA-Z_-]*");

    record Entry(String service, String label, String method, String path, int status, long micros) {
        /** The path with its ids replaced, so that calls of one endpoint group together. */
        String endpoint() {
            int q = path.indexOf('?');
            // the query is kept (limit=5 is the overview, limit=50 one kind), its ids replaced
            String query = q < 0 ? "" : path.substring(q).replaceAll("=[^&]*[0-9][^&]{6,}", "={id}");
            String[] parts = (q < 0 ? path : path.substring(0, q)).split("/");
            StringBuilder shape = new StringBuilder();
            for (int i = 1; i < parts.length; i++) {
                boolean id = parts[i].length() >= 8 && ID.matcher(parts[i]).matches()
                        || i > 1 && parts[i - 1].equals("timebanks");
                shape.append('/').append(id ? "{id}" : parts[i]);
            }
            return method + " " + (shape.length() == 0 ? "/" : shape) + query;
        }
    }

    private final Path dir;

    AccessLogs(Path dir) {
        this.dir = dir;
    }

    /** Whether the services write access logs here at all (else the benchmark says its times are the client's). */
    boolean present() {
        return !files().isEmpty();
    }

    /** Where each log ends now: {@link #read} then reads only what came after. */
    Map<Path, Long> mark() {
        Map<Path, Long> ends = new HashMap<>();
        for (Path file : files()) {
            ends.put(file, file.toFile().length());
        }
        return ends;
    }

    /** Every request logged after {@code from}, by every service. */
    List<Entry> read(Map<Path, Long> from) {
        List<Entry> entries = new ArrayList<>();
        for (Path file : files()) {
            String service = file.getFileName().toString().replaceFirst("^access-", "").replaceFirst("\\..*$", "");
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long start = from.getOrDefault(file, 0L);
                byte[] bytes = new byte[(int) Math.max(0, in.length() - start)];
                in.seek(start);
                in.readFully(bytes);
                for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                    String[] f = line.trim().split(" ");
                    if (f.length == 6 && f[5].matches("\\d+") && f[4].matches("\\d+")) {
                        String path = f[3].equals("-") ? f[2] : f[2] + f[3];
                        entries.add(new Entry(service, f[0], f[1], path, Integer.parseInt(f[4]), Long.parseLong(f[5])));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        }
        return entries;
    }

    private List<Path> files() {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().startsWith("access-")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
