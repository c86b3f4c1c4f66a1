package org.reciprocity.contracts.timebank;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A timebank was opened.
 *
 * @param zoneId   the IANA time zone in which the timebank's dates and times are shown
 * @param openedBy the opaque id of the admin who opened it
 */
public record TimebankOpened(UUID eventId, Instant occurredAt, String timebankId, String name, String zoneId,
                             String openedBy) implements DomainEvent {

    public TimebankOpened {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(name, "name");
        Events.requireText(zoneId, "zoneId");
    }

    @Override
    public String subject() {
        return timebankId;
    }
}
