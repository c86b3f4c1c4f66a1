package org.reciprocity.ledger.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.ledger.TransferReason;

/**
 * Issue 11, finding 3: whatever a statement holds, its CSV has the same rows and columns, and no
 * cell runs as a spreadsheet formula. (Ids are safe ids now; these lines stand for anything stored
 * before that rule, or any text a statement may show later.)
 */
class StatementCsvTest {

    @Test
    void commasQuotesAndLineBreaksStayInsideTheirCell() throws IOException {
        List<CSVRecord> rows = parse(write(line("gift-1", "ann, \"the\" giver\nsecond line", "c,1\r\n")));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).size()).isEqualTo(StatementCsv.HEADER.length);
        assertThat(rows.get(0).get("other_account")).isEqualTo("ann, \"the\" giver\nsecond line");
        assertThat(rows.get(0).get("contribution_id")).isEqualTo("c,1\r\n");
    }

    @Test
    void aCellThatWouldRunAsAFormulaIsShownAsText() throws IOException {
        String csv = write(line("=HYPERLINK(\"https://evil.example\",\"Click\")", "+1+1", "@SUM(A1)"),
                line("-2+3", "\tx", "\r=1"));
        List<CSVRecord> rows = parse(csv);

        assertThat(rows.get(0).get("transfer_id")).isEqualTo("'=HYPERLINK(\"https://evil.example\",\"Click\")");
        assertThat(rows.get(0).get("other_account")).isEqualTo("'+1+1");
        assertThat(rows.get(0).get("contribution_id")).isEqualTo("'@SUM(A1)");
        assertThat(rows.get(0).get("with")).as("a name is text too").isEqualTo("'=Ali");
        assertThat(rows.get(1).get("transfer_id")).isEqualTo("'-2+3");
        assertThat(rows.get(1).get("other_account")).isEqualTo("'\tx");
        assertThat(rows.get(1).get("contribution_id")).isEqualTo("'\r=1");
        assertThat(rows.get(1).get("balance_after")).as("our own numbers stay numbers").isEqualTo("-30");
    }

    @Test
    void theHeaderNamesTheColumns() throws IOException {
        assertThat(write().lines().findFirst()).contains(
                "sequence,posted_at,transfer_id,reason,direction,minutes,balance_after,other_account,contribution_id,with,"
                        + "description");
    }

    private static AccountController.StatementLine line(String transferId, String otherAccount, String contributionId) {
        return new AccountController.StatementLine(7, "2026-05-31T14:00:00+01:00", transferId, TransferReason.GIFT, "OUT",
                30, -30, otherAccount, contributionId, "=Ali", "You gave 30 min to =Ali as a gift.");
    }

    private static String write(AccountController.StatementLine... lines) throws IOException {
        StringWriter out = new StringWriter();
        StatementCsv.write(out, List.of(lines));
        return out.toString();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }
}
