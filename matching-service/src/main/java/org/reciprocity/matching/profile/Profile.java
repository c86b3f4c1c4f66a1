package org.reciprocity.matching.profile;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.matching.vocabulary.Mode;
import org.reciprocity.matching.vocabulary.Slot;

/**
 * What matching knows of a member: the ledger's facts (registration, suspension, minutes given and
 * received) and what the member adds (skills, languages, free slots, area, modes, access needs).
 * A profile made only from a transfer (an organisation's account) has no {@code kind}: it is not a
 * member who can be matched. Who sees which field is {@link ProfileField}'s rule.
 *
 * @param district          a postcode district, never an address
 * @param sharedWithMembers the fields the member chose to show other members; none by default
 * @param accessibilityConsent the member's consent SHOW_ACCESSIBILITY_TO_MATCHES as the ledger last
 *                          published it; null while never asked, when {@code sharedWithMembers} decides
 *                          as it did before consents were recorded (so today's choice carries over)
 */
public record Profile(String memberId, String timebankId, MemberKind kind, String displayName, String language,
                      Instant registeredAt, boolean suspended, boolean paused, boolean verified,
                      Set<String> skills, Set<String> tags, Set<String> languages, Set<Slot> availability,
                      String district, Set<Mode> modes, Set<String> accessibilityNeeds,
                      long givenMinutes, long receivedMinutes, Set<ProfileField> sharedWithMembers,
                      Boolean accessibilityConsent) {

    /** A profile whose member was never asked about showing their accessibility needs. */
    public Profile(String memberId, String timebankId, MemberKind kind, String displayName, String language,
                   Instant registeredAt, boolean suspended, boolean paused, boolean verified,
                   Set<String> skills, Set<String> tags, Set<String> languages, Set<Slot> availability,
                   String district, Set<Mode> modes, Set<String> accessibilityNeeds,
                   long givenMinutes, long receivedMinutes, Set<ProfileField> sharedWithMembers) {
        this(memberId, timebankId, kind, displayName, language, registeredAt, suspended, paused, verified, skills, tags,
                languages, availability, district, modes, accessibilityNeeds, givenMinutes, receivedMinutes,
                sharedWithMembers, null);
    }

    public Profile {
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        availability = availability == null ? Set.of() : Set.copyOf(availability);
        modes = modes == null ? Set.of() : Set.copyOf(modes);
        accessibilityNeeds = accessibilityNeeds == null ? Set.of() : Set.copyOf(accessibilityNeeds);
        sharedWithMembers = sharedWithMembers == null ? Set.of() : Set.copyOf(sharedWithMembers);
    }

    /** Whether other members see this field of the profile: by the privacy rule, or because the member chose so. */
    public boolean shares(ProfileField field) {
        return switch (field.sharing()) {
            case WITH_MEMBERS -> true;
            // issue 18: once the member answered the consent it alone decides, and it shows the needs to
            // matched members only (Audience.member with MatchedWith), never to every member
            case IF_CHOSEN -> field == ProfileField.ACCESSIBILITY_NEEDS && accessibilityConsent != null
                    ? false : sharedWithMembers.contains(field);
            case NOT_WITH_MEMBERS -> false;
        };
    }

    /** Issue 18: the member consented to show their accessibility needs to members matched with them. */
    public boolean showsAccessibilityToMatches() {
        return Boolean.TRUE.equals(accessibilityConsent);
    }

    /** A registered member (not just an account the ledger moved minutes for). */
    public boolean isMember() {
        return kind != null;
    }

    /** Can be suggested, proposed or planned: a member, not suspended, not paused. */
    public boolean isAvailable() {
        return isMember() && !suspended && !paused;
    }

    /** Every language the member speaks: their interface language and those they added. */
    public Set<String> speaks() {
        Set<String> all = new LinkedHashSet<>(languages);
        if (language != null) {
            all.add(language);
        }
        return all;
    }

    /** The modes a member accepts; none given means any. */
    public boolean accepts(Mode mode) {
        return modes.isEmpty() || modes.contains(mode);
    }

    public String name() {
        return displayName == null ? "This member" : displayName;
    }
}
