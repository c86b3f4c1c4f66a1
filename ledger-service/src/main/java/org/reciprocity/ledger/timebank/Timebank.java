package org.reciprocity.ledger.timebank;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.reciprocity.contracts.timebank.TimebankOpened;

/**
 * A timebank: one community's pool of time, isolated from every other. Its id is chosen by the
 * admin who opens it (a short slug), which also makes opening it twice detectable.
 */
public record Timebank(String id, String name, ZoneId zone, Instant openedAt, String openedBy) {

    private static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{2,39}";

    /** Opens a timebank, or explains why the request is not a valid one. */
    public static Opened open(String id, String name, String zone, String openedBy, Clock clock) {
        if (id == null || !id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException(
                    "A timebank id is 3 to 40 lower-case letters, digits or dashes, like riverside-recovery.");
        }
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new IllegalArgumentException("A timebank needs a name of at most 120 characters.");
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("'" + zone + "' is not a time zone; use a name like Europe/London.");
        }
        Timebank timebank = new Timebank(id, name.strip(), zoneId, Instant.now(clock), openedBy);
        return new Opened(timebank, new TimebankOpened(UUID.randomUUID(), timebank.openedAt(), id, timebank.name(),
                zoneId.getId(), openedBy));
    }

    /** A newly opened timebank and the event that says so. */
    public record Opened(Timebank timebank, TimebankOpened event) {
    }
}
