package org.reciprocity.portal.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class StatementPageTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void twoTransfers() {
        STUB.json("GET " + TB + "/members/ana/statement", "["
                + "{\"sequence\":1,\"postedAt\":\"2026-10-03T10:00:00+02:00\",\"reason\":\"CONTRIBUTION\",\"direction\":\"IN\","
                + "\"minutes\":120,\"balanceAfter\":120,\"contributionId\":\"c-1\",\"description\":\"You gave 2 h to Ali.\"},"
                + "{\"sequence\":2,\"postedAt\":\"2026-11-03T10:00:00+01:00\",\"reason\":\"REDEMPTION\",\"direction\":\"OUT\","
                + "\"minutes\":30,\"balanceAfter\":90,\"description\":\"You spent 30 min.\"}]")
                .answer("GET " + TB + "/members/ana/statement.csv", 200, "text/csv", "sequence,minutes\n1,120\n");
    }

    @Test
    void everyTransferIsListedWithItsRunningBalanceAndBothPictures() throws Exception {
        mvc.perform(get("/statement").with(member("ana")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"statement-table\"")))
                .andExpect(content().string(containsString(">1 h 30 min<")))
                .andExpect(content().string(containsString("href=\"/contributions/c-1\"")))
                .andExpect(content().string(containsString("<figure id=\"balance-chart\"")))
                .andExpect(content().string(containsString("<figure id=\"monthly-chart\"")))
                .andExpect(content().string(containsString("<polyline")))
                .andExpect(content().string(containsString("id=\"download-csv\"")));
    }

    @Test
    void thePeriodFilterAsksTheLedgerFromTheStartOfThePeriod() throws Exception {
        mvc.perform(get("/statement").param("period", "year").with(member("ana"))).andExpect(status().isOk());
        assertThat(STUB.last("GET", TB + "/members/ana/statement").query()).contains("from=");
    }

    @Test
    void theCsvIsADownload() throws Exception {
        mvc.perform(get("/statement.csv").with(member("ana")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(containsString("1,120")));
    }
}
