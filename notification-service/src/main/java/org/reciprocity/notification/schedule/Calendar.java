package org.reciprocity.notification.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When scheduled messages are due, in a timebank's own zone. A statement is due from the first day
 * of the month at its time until the month ends, so an instance that was down at that time still
 * sends it when it comes back; a day's queue digest is due from its time until midnight (the next
 * day has its own).
 */
public final class Calendar {

    private Calendar() {
    }

    /** The month whose statements are due at {@code now}: last month, once this month's time has come. */
    public static Optional<YearMonth> statementDue(Instant now, ZoneId zone, LocalTime at) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime start = local.toLocalDate().withDayOfMonth(1).atTime(at).atZone(zone);
        return local.isBefore(start) ? Optional.empty() : Optional.of(YearMonth.from(local).minusMonths(1));
    }

    /** The instant statements for {@code month} became due. */
    public static Instant statementTime(YearMonth month, ZoneId zone, LocalTime at) {
        return month.plusMonths(1).atDay(1).atTime(at).atZone(zone).toInstant();
    }

    /** The day whose queue digest is due at {@code now}, once its time has come. */
    public static Optional<LocalDate> queueDigestDue(Instant now, ZoneId zone, LocalTime at) {
        ZonedDateTime local = now.atZone(zone);
        return local.toLocalTime().isBefore(at) ? Optional.empty() : Optional.of(local.toLocalDate());
    }

    public static Instant queueDigestTime(LocalDate day, ZoneId zone, LocalTime at) {
        return day.atTime(at).atZone(zone).toInstant();
    }
}
