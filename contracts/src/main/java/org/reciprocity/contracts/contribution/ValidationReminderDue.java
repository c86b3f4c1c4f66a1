package org.reciprocity.contracts.contribution;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/** A logged contribution still waits for validation: time to remind the person asked (the last call comes just before it expires). */
public record ValidationReminderDue(UUID eventId, Instant occurredAt, String timebankId, String contributionId, String remindAccountId, String giverAccountId, String receiverAccountId, long minutes, Instant validationDeadline, int reminderNumber, boolean lastCall) implements DomainEvent {

    public ValidationReminderDue {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(contributionId, "contributionId");
    }

    @Override
    public String subject() {
        return contributionId;
    }
}
