package org.reciprocity.notification.recipient;

import java.time.ZoneId;
import java.util.List;

/** A timebank's name, zone and coordinators; {@link #unknown} until its {@code TimebankOpened} arrives. */
public record Timebank(String timebankId, String name, ZoneId zone, List<String> coordinators) {

    /** UTC until the timebank's own zone is known: an instant is never wrong, only less friendly. */
    public static Timebank unknown(String timebankId) {
        return new Timebank(timebankId, timebankId, ZoneId.of("UTC"), List.of());
    }
}
