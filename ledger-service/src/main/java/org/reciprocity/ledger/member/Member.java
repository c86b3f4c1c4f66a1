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

/**
 * A member of one timebank. The id is opaque (a random UUID): it is all the ledger ever records,
 * so erasing a member's personal data leaves the ledger whole.
 */
public record Member(String id, String timebankId, MemberKind kind, String displayName, String email,
                     String language, Set<String> roles, MemberStatus status, Instant registeredAt) {

    static final Set<String> ROLES = Set.of("MEMBER", "COORDINATOR", "STAFF", "ADMIN");

    static final Set<String> LANGUAGES = Set.of("en", "fr");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Registers a member, or explains why the details are not valid. */
    public static Registered register(String timebankId, MemberKind kind, String displayName, String email,
                                      String language, Set<String> roles, String registeredBy, Clock clock) {
        Set<String> memberRoles = roles == null || roles.isEmpty() ? Set.of("MEMBER") : Set.copyOf(roles);
        if (!ROLES.containsAll(memberRoles)) {
            throw new IllegalArgumentException("Roles are MEMBER, COORDINATOR, STAFF and ADMIN.");
        }
        if (kind == null) {
            throw new IllegalArgumentException("Say what kind of member this is: SERVICE_USER, STAFF, CARER or NEIGHBOUR.");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 80) {
            throw new IllegalArgumentException("A member needs a name to be shown, of at most 80 characters.");
        }
        String cleanEmail = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        if (cleanEmail != null && !EMAIL.matcher(cleanEmail).matches()) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address.");
        }
        String lang = language == null || language.isBlank() ? "en" : language.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(lang)) {
            throw new IllegalArgumentException("Reciprocity speaks English (en) and French (fr) for now.");
        }
        Member member = new Member(UUID.randomUUID().toString(), timebankId, kind, displayName.strip(), cleanEmail,
                lang, memberRoles, MemberStatus.ACTIVE, Instant.now(clock));
        MemberRegistered event = new MemberRegistered(UUID.randomUUID(), member.registeredAt(), timebankId, member.id(),
                kind, member.displayName(), cleanEmail, lang, List.copyOf(new java.util.TreeSet<>(memberRoles)), registeredBy);
        return new Registered(member, event);
    }

    /** A newly registered member and the event that says so. */
    public record Registered(Member member, MemberRegistered event) {
    }
}
