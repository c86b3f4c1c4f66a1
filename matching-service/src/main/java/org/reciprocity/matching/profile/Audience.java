package org.reciprocity.matching.profile;

/**
 * Who reads about members, and so which of their fields may be shown or put into words (a
 * profile, a suggestion's reasons, a refusal). The rule itself is {@link ProfileField}'s table.
 */
@FunctionalInterface
public interface Audience {

    boolean sees(Profile member, ProfileField field);

    /** A coordinator or an admin: everything matching knows. */
    Audience EVERYTHING = (member, field) -> true;

    /** A member: everything of their own, and of others what those share with members. */
    static Audience member(String viewerId) {
        return (member, field) -> member.memberId().equals(viewerId) || member.shares(field);
    }

    /**
     * A member who may also be matched with the one they read about: they see the accessibility needs
     * that member consented to show to matched members (issue 18), and otherwise what {@link #member} sees.
     */
    static Audience member(String viewerId, MatchedWith matched) {
        Audience plain = member(viewerId);
        return (member, field) -> plain.sees(member, field)
                || field == ProfileField.ACCESSIBILITY_NEEDS && member.showsAccessibilityToMatches()
                && matched.between(member.timebankId(), viewerId, member.memberId());
    }
}
