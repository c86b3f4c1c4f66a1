package org.reciprocity.contracts.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A member joined a timebank. The display name, e-mail and language are here because the
 * matching and notification services need them to do their work; ledger entries never carry them.
 *
 * @param email        {@code null} for paper-first members without e-mail
 * @param language     the member's language tag ({@code en}, {@code fr})
 * @param roles        the member's roles in the timebank ({@code MEMBER}, {@code COORDINATOR}, {@code STAFF},
 *                     {@code ADMIN}); notifications for coordinators go to those who hold that role
 * @param registeredBy the opaque id of the coordinator who registered the member
 */
public record MemberRegistered(UUID eventId, Instant occurredAt, String timebankId, String memberId,
                               MemberKind kind, String displayName, String email, String language,
                               List<String> roles, String registeredBy) implements DomainEvent {

    public MemberRegistered {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(memberId, "memberId");
        Events.requireText(displayName, "displayName");
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        roles = roles == null ? List.of("MEMBER") : List.copyOf(roles);
    }

    @Override
    public String subject() {
        return memberId;
    }
}
