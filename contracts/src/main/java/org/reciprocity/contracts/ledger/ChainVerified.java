package org.reciprocity.contracts.ledger;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * The ledger walked a timebank's hash chain (on its schedule, or because an admin asked) and this is
 * what it found: every entry intact, or the first entry that does not match and why. Published on
 * the checkpoints topic, kept for ever beside the checkpoints: a record, outside the database, that
 * the chain was checked and when.
 *
 * @param intact             every entry's content and link match, and the chain agrees with each checkpoint it was held against
 * @param entriesChecked     how many entries were walked before the end, or before the first that failed
 * @param checkpointsChecked how many signed checkpoints the chain was held against
 * @param brokenAtSequence   the first entry that failed; {@code null} when intact
 * @param problem            why it failed, in plain words; {@code null} when intact
 * @param requestedBy        the opaque id of the admin who asked for it; {@code null} for the schedule
 */
public record ChainVerified(UUID eventId, Instant occurredAt, String timebankId, boolean intact, long entriesChecked,
                            int checkpointsChecked, Long brokenAtSequence, String problem, String requestedBy)
        implements DomainEvent {

    public ChainVerified {
        Events.require(eventId, occurredAt, timebankId);
        if (entriesChecked < 0 || checkpointsChecked < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (!intact && (problem == null || problem.isBlank())) {
            throw new IllegalArgumentException("a broken chain says why");
        }
    }

    @Override
    public String subject() {
        return timebankId;
    }
}
