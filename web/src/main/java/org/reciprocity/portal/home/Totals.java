package org.reciprocity.portal.home;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.reciprocity.portal.services.Dtos.StatementLine;
import org.reciprocity.portal.words.Dates;

/** Minutes given and received, this month and in all, from a member's statement. */
record Totals(long givenThisMonth, long receivedThisMonth, long givenInAll, long receivedInAll) {

    static Totals of(List<StatementLine> lines, LocalDate today, ZoneId zone) {
        YearMonth month = YearMonth.from(today);
        long gm = 0, rm = 0, ga = 0, ra = 0;
        for (StatementLine line : lines) {
            boolean thisMonth = YearMonth.from(Dates.dayOf(line.postedAt(), zone)).equals(month);
            if (line.given()) {
                ga += line.minutes();
                gm += thisMonth ? line.minutes() : 0;
            } else if (line.received()) {
                ra += line.minutes();
                rm += thisMonth ? line.minutes() : 0;
            }
        }
        return new Totals(gm, rm, ga, ra);
    }
}
