package org.reciprocity.portal.words;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times in the reader's language, in the timebank's zone. */
public final class Dates {

    private Dates() {
    }

    public static String day(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    public static String moment(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(zone));
    }

    /** A statement's posting time (ISO with offset, already in the timebank's zone) as a day. */
    public static LocalDate dayOf(String isoOffsetDateTime, ZoneId zone) {
        return OffsetDateTime.parse(isoOffsetDateTime).atZoneSameInstant(zone).toLocalDate();
    }
}
