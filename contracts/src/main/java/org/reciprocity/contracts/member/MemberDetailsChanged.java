package org.reciprocity.contracts.member;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A coordinator (or the member) changed a member's details.
 *
 * <p>Since issue 18 the ledger publishes this with {@code kind}, {@code displayName}, {@code email} and
 * {@code language} {@code null}: the details themselves travel on the compacted member-details topic
 * ({@link MemberDetailsRecorded}), which an erasure can clean; this topic is kept for ever. Records written
 * before then carry them; readers must not rely on them. What it still says: the member's details
 * changed, to {@code version}, by {@code changedBy}.
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
    }

    @Override
    public String subject() {
        return memberId;
    }
}
