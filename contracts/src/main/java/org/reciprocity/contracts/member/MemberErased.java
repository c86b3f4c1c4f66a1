package org.reciprocity.contracts.member;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A member was erased: the ledger forgot their name, e-mail, kind and free text, and kept their
 * entries (ids, minutes, dates, kinds of contribution), so balances still sum to zero and the chain
 * still verifies. On the members topic, after the member's other events. It is the signal for every
 * service to forget what it holds of the member and confirm with {@code ErasureConfirmed}.
 *
 * @param erasedBy the opaque id of the admin who erased the member
 */
public record MemberErased(UUID eventId, Instant occurredAt, String timebankId, String memberId, String erasedBy)
        implements DomainEvent {

    public MemberErased {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(memberId, "memberId");
        Events.requireText(erasedBy, "erasedBy");
    }

    @Override
    public String subject() {
        return memberId;
    }
}
