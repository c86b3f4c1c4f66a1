package org.reciprocity.review.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The review's tables as CSV: quoted by the library, and no cell a spreadsheet would run as a formula. */
class CsvTableTest {

    @Test
    void aTextCellThatWouldBeAFormulaIsWrittenAsText() {
        String csv = new CsvTable("name", "minutes").row("=HYPERLINK(\"http://x\")", 60).row("+1", -30)
                .row("-2", 0).row("@SUM(A1)", 1).row("Zoé, \"Z\"", 4).text();

        assertThat(csv).isEqualTo("name,minutes\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",60\r\n"
                + "'+1,-30\r\n"
                + "'-2,0\r\n"
                + "'@SUM(A1),1\r\n"
                + "\"Zoé, \"\"Z\"\"\",4\r\n");
        assertThat(CsvTable.neutralised("\tTab")).isEqualTo("'\tTab");
        assertThat(CsvTable.neutralised("\rReturn")).isEqualTo("'\rReturn");
        assertThat(CsvTable.neutralised("Ava")).isEqualTo("Ava");
        assertThat(CsvTable.neutralised("")).isEmpty();
    }

    @Test
    void numbersStayNumbersAndAnEmptyCellIsEmpty() {
        // RFC 4180 as Commons CSV writes it: an empty first cell is quoted, so the line is not blank
        assertThat(new CsvTable("a", "b", "c").row(null, -120L, true).text()).isEqualTo("a,b,c\r\n\"\",-120,true\r\n");
        assertThat(new CsvTable("a", "b").row(5, null).text()).isEqualTo("a,b\r\n5,\r\n");
    }
}
