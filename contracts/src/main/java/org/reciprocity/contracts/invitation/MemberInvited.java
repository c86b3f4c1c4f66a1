package org.reciprocity.contracts.invitation;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A coordinator invited a person to a timebank (or invited them again: each invitation is a new
 * event with a new link). notification-service e-mails them the link, in their language; the
 * person then chooses how they sign in from it.
 *
 * <p>{@code welcomeLink} is a secret: whoever holds it can set up the account until
 * {@code linkExpiresAt}. That is why the topic keeps its records no longer than a link lives, why a
 * consumer must send it to {@code email} only (never keep it in an inbox or a log), and why this
 * record's {@link #toString()} leaves it out.
 *
 * @param memberId      the member's opaque id in the timebank
 * @param email         where the invitation goes
 * @param language      the member's language tag ({@code en}, {@code fr})
 * @param welcomeLink   the one-use link to identity-service's welcome page
 * @param linkExpiresAt when the link stops working
 */
public record MemberInvited(UUID eventId, Instant occurredAt, String timebankId, String memberId, String email,
                            String language, String welcomeLink, Instant linkExpiresAt) implements DomainEvent {

    public MemberInvited {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(memberId, "memberId");
        Events.requireText(email, "email");
        Events.requireText(welcomeLink, "welcomeLink");
        if (linkExpiresAt == null) {
            throw new IllegalArgumentException("linkExpiresAt is required");
        }
    }

    @Override
    public String subject() {
        return memberId;
    }

    /** Without the link: a record printed in a log or an error must not hand the account over. */
    @Override
    public String toString() {
        return "MemberInvited[eventId=" + eventId + ", occurredAt=" + occurredAt + ", timebankId=" + timebankId
                + ", memberId=" + memberId + ", language=" + language + ", linkExpiresAt=" + linkExpiresAt + "]";
    }
}
