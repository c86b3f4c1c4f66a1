package org.reciprocity.contracts.member;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A coordinator (or the member) changed a member's details. The event carries the whole of the
 * details as they now are, not a difference, so a read model that missed an earlier change, or
 * sees two changes out of order, converges by keeping the one with the later {@code version}.
 *
 * @param email     {@code null} when the member has no e-mail (paper-first)
 * @param language  the member's language tag ({@code en}, {@code fr})
 * @param version   the member document's version after the change; higher is newer
 * @param changedBy the opaque id of who made the change
 */
public record MemberDetailsChanged(UUID eventId, Instant occurredAt, String timebankId, String memberId,
                                   MemberKind kind, String displayName, String email, String language,
                                   long version, String changedBy) implements DomainEvent {

    public MemberDetailsChanged {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(memberId, "memberId");
        Events.requireText(displayName, "displayName");
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
    }

    @Override
    public String subject() {
        return memberId;
    }
}
