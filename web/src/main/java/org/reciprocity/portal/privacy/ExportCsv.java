package org.reciprocity.portal.privacy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: a collection of the member's copy as CSV, beside its JSON: a row per document, a column per
 * top-level field (in the order first met), a nested value as compact JSON text. A text cell a
 * spreadsheet would read as a formula ({@code = + - @}, tab, carriage return first) gets a leading
 * {@code '}, as the review's and the ledger's CSV do; numbers and true/false are ours and stay as they are.
 */
final class ExportCsv {

    private ExportCsv() {
    }

    static String of(JsonNode documents) {
        List<JsonNode> rows = new ArrayList<>();
        documents.values().forEach(rows::add);
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode row : rows) {
            if (row.isObject()) {
                row.properties().forEach(field -> columns.add(field.getKey()));
            } else {
                columns.add("value");
            }
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(columns.stream().map(ExportCsv::neutralised).toArray(String[]::new)).get())) {
            for (JsonNode row : rows) {
                List<String> cells = new ArrayList<>();
                for (String column : columns) {
                    cells.add(cell(row.isObject() ? row.get(column) : "value".equals(column) ? row : null));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String cell(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.toString();
        }
        if (value.isString()) {
            return neutralised(value.asString());
        }
        return neutralised(value.toString()); // an object or a list: compact JSON
    }

    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
