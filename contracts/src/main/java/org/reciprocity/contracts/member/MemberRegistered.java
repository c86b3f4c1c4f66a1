package org.reciprocity.contracts.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A member joined a timebank.
 *
 * <p>Since issue 18 the ledger publishes this with ids and roles only: {@code kind}, {@code displayName},
 * {@code email} and {@code language} are {@code null}, because this topic is kept for ever and a name (or
 * "this person uses a mental-health service") must be forgettable. They travel on the compacted
 * member-details topic ({@link MemberDetailsRecorded}). Records written before then carry them; readers
 * take the details from {@link MemberDetailsRecorded} and must not rely on these fields.
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
        roles = roles == null ? List.of("MEMBER") : List.copyOf(roles);
    }

    @Override
    public String subject() {
        return memberId;
    }
}
