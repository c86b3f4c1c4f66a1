package org.reciprocity.contracts.member;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * The personal details of a member as they now are: a state record on the compacted
 * {@code reciprocity.member-details} topic, keyed by member. Each new record of a member replaces the
 * older ones there, and the broker's log cleaner removes those in time: so when a member is erased,
 * the record saying {@link #erased()} (with no name, e-mail or kind left in it) is, within the
 * compaction lag, the only one of that member on the topic. The permanent topics carry ids and facts;
 * names, e-mails, languages, roles and kinds travel only here (docs/personal-data.md 2.3).
 *
 * <p>A reader keeps, per member, the record with the highest {@link #version()}: records of one member
 * arrive in order on one partition, but a replay after compaction may skip versions.
 *
 * @param version     the member document's version when this was recorded; higher is newer
 * @param displayName {@code null} once erased
 * @param email       {@code null} for a paper-first member, and once erased
 * @param language    the member's language tag ({@code en}, {@code fr}); {@code null} once erased
 * @param roles       the member's roles in the timebank; empty once erased
 * @param kinds       the member's kind over time, oldest first (the review counts hours by the kind a
 *                    member had then); empty once erased
 * @param erased      the member was erased: nothing personal is left in this record
 */
public record MemberDetailsRecorded(UUID eventId, Instant occurredAt, String timebankId, String memberId,
                                    long version, String displayName, String email, String language,
                                    List<String> roles, List<KindSince> kinds, boolean erased) implements DomainEvent {

    public MemberDetailsRecorded {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(memberId, "memberId");
        roles = roles == null ? List.of() : List.copyOf(roles);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        if (erased && (displayName != null || email != null || language != null || !roles.isEmpty() || !kinds.isEmpty())) {
            throw new IllegalArgumentException("an erased member's record holds nothing personal");
        }
        if (!erased) {
            Events.requireText(displayName, "displayName");
            if (kinds.isEmpty()) {
                throw new IllegalArgumentException("kinds needs the member's kind since they joined");
            }
        }
    }

    /** The record that replaces a member's details when they are erased: ids only. */
    public static MemberDetailsRecorded ofErased(UUID eventId, Instant occurredAt, String timebankId, String memberId,
                                               long version) {
        return new MemberDetailsRecorded(eventId, occurredAt, timebankId, memberId, version, null, null, null,
                List.of(), List.of(), true);
    }

    /** The member's kind now; {@code null} once erased. */
    public MemberKind kind() {
        return kinds.isEmpty() ? null : kinds.get(kinds.size() - 1).kind();
    }

    @Override
    public String subject() {
        return memberId;
    }

    /** A member's kind from a moment on. */
    public record KindSince(MemberKind kind, Instant since) {
        public KindSince {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(since, "since");
        }
    }
}
