package org.reciprocity.contracts.ledger;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * An account's balance went past its timebank's warning threshold: allowed, but the member and
 * their coordinator are told before the hard limit refuses anything.
 *
 * @param direction {@code LOW} when approaching the minimum, {@code HIGH} when approaching the maximum
 */
public record SoftLimitCrossed(UUID eventId, Instant occurredAt, String timebankId, String accountId,
                               long balance, long threshold, long hardLimit, String direction) implements DomainEvent {

    public SoftLimitCrossed {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(accountId, "accountId");
    }

    @Override
    public String subject() {
        return timebankId;
    }
}
