package org.reciprocity.notification.preference;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Hours of the day, in the timebank's zone, when a member wants no e-mail; what falls in them is
 * held until they end. May span midnight ({@code 22:00–07:00}). The in-app inbox is never held.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        Objects.requireNonNull(start, "quiet hours need a start");
        Objects.requireNonNull(end, "quiet hours need an end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must start and end at different times");
        }
    }

    public boolean contains(Instant instant, ZoneId zone) {
        LocalTime time = instant.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** The next moment, after {@code instant}, at which the quiet hours end. */
    public Instant endAfter(Instant instant, ZoneId zone) {
        ZonedDateTime now = instant.atZone(zone);
        ZonedDateTime end = now.toLocalDate().atTime(this.end).atZone(zone);
        return (end.isAfter(now) ? end : end.plusDays(1)).toInstant();
    }
}
