package org.reciprocity.contracts.ledger;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * Minutes moved for good: one immutable ledger entry. Keyed by timebank, so a timebank's entries
 * arrive in ledger order ({@code sequence}) and a reader can re-check the hash chain.
 *
 * @param contributionId   the contribution it settles, for {@code CONTRIBUTION}; else {@code null}
 * @param reversesTransferId the transfer it reverses, for {@code REVERSAL}; else {@code null}
 * @param sequence         the entry's position in its timebank's ledger, from 1
 * @param entryHash        SHA-256 (hex) of the entry's content and the previous entry's hash
 */
public record TransferPosted(UUID eventId, Instant occurredAt, String timebankId, String transferId,
                             String debitAccountId, String creditAccountId, long minutes, TransferReason reason,
                             long debitBalanceAfter, long creditBalanceAfter, String contributionId,
                             String reversesTransferId, long sequence, String entryHash) implements DomainEvent {

    public TransferPosted {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(transferId, "transferId");
        Events.requireText(debitAccountId, "debitAccountId");
        Events.requireText(creditAccountId, "creditAccountId");
        if (minutes <= 0) {
            throw new IllegalArgumentException("minutes must be positive");
        }
    }

    @Override
    public String subject() {
        return timebankId;
    }
}
