package org.reciprocity.contracts.contribution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * An organiser recorded a group activity (a workshop, a user forum, a co-delivered training) with
 * its attendance register; each attendance is a contribution received by the organisation's
 * account, waiting for one validation by that organisation's staff.
 */
public record GroupActivityRecorded(UUID eventId, Instant occurredAt, String timebankId, String activityId,
                                    String organisationAccountId, String organiserId, String title,
                                    CoproductionKind kind, LocalDate happenedOn, int attendees, long totalMinutes)
        implements DomainEvent {

    public GroupActivityRecorded {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(activityId, "activityId");
        Events.requireText(organisationAccountId, "organisationAccountId");
    }

    @Override
    public String subject() {
        return activityId;
    }
}
