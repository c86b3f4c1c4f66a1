package org.reciprocity.portal.layout;

import java.time.Instant;
import java.time.LocalDate;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Dates;
import org.reciprocity.portal.words.Hours;
import org.reciprocity.portal.words.Zones;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What templates call as {@code @words}: hours and dates in the reader's language and the timebank's zone. */
@Component("words")
public class Words {

    private final Zones zones;

    public Words(Zones zones) {
        this.zones = zones;
    }

    public String hours(long minutes) {
        return Hours.of(minutes);
    }

    public String day(LocalDate date) {
        return Dates.day(date, LocaleContextHolder.getLocale());
    }

    /** A statement line's posting time (already in the timebank's zone) as a day. */
    public String postedDay(String isoOffsetDateTime) {
        try {
            return day(java.time.OffsetDateTime.parse(isoOffsetDateTime).toLocalDate());
        } catch (RuntimeException unreadable) {
            return isoOffsetDateTime;
        }
    }

    public String month(java.time.YearMonth month) {
        return java.time.format.DateTimeFormatter.ofPattern("LLLL yyyy", LocaleContextHolder.getLocale()).format(month);
    }

    public String moment(Instant instant) {
        SignedIn me = SignedIn.current();
        return me == null ? "" : Dates.moment(instant, zones.of(me.timebankId()), LocaleContextHolder.getLocale());
    }
}
