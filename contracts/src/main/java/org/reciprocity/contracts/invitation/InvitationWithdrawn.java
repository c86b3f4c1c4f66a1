package org.reciprocity.contracts.invitation;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A member's invitation was withdrawn because the member was erased: ids only. On the invitations
 * topic, keyed by the member like their {@link MemberInvited}, so the log cleaner of that compacted
 * topic replaces the invitation (their e-mail and welcome link) with this record within the
 * compaction lag (docs/personal-data.md 3.1). identity-service appends it again for a while after the
 * erasure, so the segment holding the invitation closes and is cleaned; a consumer ignores it.
 */
public record InvitationWithdrawn(UUID eventId, Instant occurredAt, String timebankId, String memberId)
        implements DomainEvent {

    public InvitationWithdrawn {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(memberId, "memberId");
    }

    @Override
    public String subject() {
        return memberId;
    }
}
