package org.reciprocity.review.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table as CSV (RFC 4180, quoted by Commons CSV). A text cell a spreadsheet would read as a
 * formula (starting with {@code = + - @}, a tab or a carriage return) is written with a leading
 * {@code '}, so a name such as {@code =HYPERLINK(...)} stays text; numbers are ours and stay numbers.
 */
public final class CsvTable {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final List<String> header;
    private final List<List<Object>> rows = new ArrayList<>();

    CsvTable(String... header) {
        this.header = List.of(header);
    }

    CsvTable row(Object... cells) {
        rows.add(java.util.Arrays.asList(cells));
        return this;
    }

    String text() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(header.stream().map(CsvTable::neutralised).toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(CsvTable::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    ResponseEntity<String> response(String filename) {
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + ".csv\"").body(text());
    }

    /** A cell as written: empty for nothing, numbers and booleans as they are, text neutralised (also for the download). */
    public static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return neutralised(value.toString());
    }

    public static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
