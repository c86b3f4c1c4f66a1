package org.reciprocity.ledger.member;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.kit.problem.Refusal;

/**
 * A member of one timebank. The id is opaque (a random UUID): it is all the ledger ever records,
 * so erasing a member's personal data leaves the ledger whole.
 */
public record Member(String id, String timebankId, MemberKind kind, String displayName, String email,
                     String language, Set<String> roles, MemberStatus status, Instant registeredAt) {

    static final Set<String> ROLES = Set.of("MEMBER", "COORDINATOR", "STAFF", "ADMIN");

    static final Set<String> LANGUAGES = Set.of("en", "fr");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * Details a member cannot be registered with, as a refusal worded for the reader
     * (MemberRefusal.properties), not as an English sentence; still an IllegalArgumentException.
     */
    public static final class Invalid extends IllegalArgumentException {

        private final transient Refusal refusal;

        Invalid(Refusal refusal) {
            super(refusal.toString());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** Registers a member, or explains why the details are not valid. */
    public static Registered register(String timebankId, MemberKind kind, String displayName, String email,
                                      String language, Set<String> roles, String registeredBy, Clock clock) {
        Set<String> memberRoles = roles == null || roles.isEmpty() ? Set.of("MEMBER") : Set.copyOf(roles);
        if (!ROLES.containsAll(memberRoles)) {
            throw new Invalid(MemberRefusal.ROLE_UNKNOWN.refusal());
        }
        if (kind == null) {
            throw new Invalid(MemberRefusal.KIND_NEEDED.refusal());
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 80) {
            throw new Invalid(MemberRefusal.NAME_NEEDED.with("max", 80));
        }
        String cleanEmail = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        if (cleanEmail != null && !EMAIL.matcher(cleanEmail).matches()) {
            throw new Invalid(MemberRefusal.EMAIL_INVALID.refusal());
        }
        String lang = language == null || language.isBlank() ? "en" : language.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(lang)) {
            throw new Invalid(MemberRefusal.LANGUAGE_UNKNOWN.refusal());
        }
        Member member = new Member(UUID.randomUUID().toString(), timebankId, kind, displayName.strip(), cleanEmail,
                lang, memberRoles, MemberStatus.ACTIVE, Instant.now(clock));
        // ids and roles only: the members topic is kept for ever, the details go on the compacted one (MemberDetails)
        MemberRegistered event = new MemberRegistered(UUID.randomUUID(), member.registeredAt(), timebankId, member.id(),
                null, null, null, null, List.copyOf(new java.util.TreeSet<>(memberRoles)), registeredBy);
        return new Registered(member, event);
    }

    /** A newly registered member and the event that says so. */
    public record Registered(Member member, MemberRegistered event) {
    }
}
