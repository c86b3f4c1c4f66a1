package org.reciprocity.portal.words;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times in the reader's language, in the timebank's zone. */
public final class Dates {

    private Dates() {
    }

    /**
     * The day a GOV.UK date input (day, month, year fields) names, or null when the fields are not a
     * real date: every form that asks "when" reads it the same way.
     */
    public static LocalDate fromFields(String day, String month, String year) {
        try {
            return LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (RuntimeException notADate) {
            return null;
        }
    }

    public static String day(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        // day first, as people here write it: "1 December 2026", "1er décembre 2026"
        String written = DateTimeFormatter.ofPattern("d MMMM uuuu", locale).format(date);
        return "fr".equals(locale.getLanguage()) && date.getDayOfMonth() == 1 ? "1er" + written.substring(1) : written;
    }

    public static String moment(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        // as GOV.UK writes times: "1 December 2026 at 12:30am" (the JDK's long English style is American:
        // "December 1, 2026, 12:30 AM"); in French "1 décembre 2026 à 00h30"
        ZonedDateTime at = instant.atZone(zone);
        if ("fr".equals(locale.getLanguage())) {
            return DateTimeFormatter.ofPattern("d MMMM uuuu 'à' HH'h'mm", locale).format(at);
        }
        return DateTimeFormatter.ofPattern("d MMMM uuuu 'at' h:mm", locale).format(at)
                + (at.getHour() < 12 ? "am" : "pm");
    }

    /** A statement's posting time (ISO with offset, already in the timebank's zone) as a day. */
    public static LocalDate dayOf(String isoOffsetDateTime, ZoneId zone) {
        return OffsetDateTime.parse(isoOffsetDateTime).atZoneSameInstant(zone).toLocalDate();
    }
}
