package org.reciprocity.ledger.account;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * A statement as a CSV file for a spreadsheet (RFC 4180, by Apache Commons CSV): a field holding a
 * comma, a quote or a line break is quoted, so no value can add a column or a row. A text field
 * that a spreadsheet would run as a formula (it starts with {@code = + - @}, a tab or a carriage
 * return) gets a leading apostrophe, as OWASP's CSV-injection advice says: the cell then shows the
 * text instead of running it. The numbers we write ourselves (minutes, balances) stay numbers.
 */
final class StatementCsv {

    static final String[] HEADER = {"sequence", "posted_at", "transfer_id", "reason", "direction", "minutes",
            "balance_after", "other_account", "contribution_id", "with", "description"};

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER)
            .setQuoteMode(QuoteMode.MINIMAL).get();

    private StatementCsv() {
    }

    static void write(Writer out, List<AccountController.StatementLine> lines) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        for (AccountController.StatementLine line : lines) {
            printer.printRecord(line.sequence(), text(line.postedAt()), text(line.transferId()), line.reason().name(),
                    line.direction(), line.minutes(), line.balanceAfter(), text(line.otherAccount()),
                    text(line.contributionId()), text(line.with()), text(line.description()));
        }
        printer.flush();
    }

    /** A text a spreadsheet will show as text, never run. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
