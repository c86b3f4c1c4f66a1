package org.reciprocity.matching.profile;

import java.util.Arrays;
import java.util.Locale;

import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.Refused;

/**
 * The privacy rule of matching, as a table: what matching knows of a member and whether other
 * members see it. The member themself, coordinators and admins see everything; another member sees
 * only what this table shares with members, plus what the member chose to share. People in
 * recovery decide who knows about their needs and their situation, so the default is private.
 */
public enum ProfileField {
    DISPLAY_NAME("displayName", Sharing.WITH_MEMBERS),
    SKILLS("skills", Sharing.WITH_MEMBERS),
    TAGS("tags", Sharing.WITH_MEMBERS),
    LANGUAGES("languages", Sharing.WITH_MEMBERS),
    DISTRICT("district", Sharing.IF_CHOSEN),
    AVAILABILITY("availability", Sharing.IF_CHOSEN),
    MODES("modes", Sharing.IF_CHOSEN),
    ACCESSIBILITY_NEEDS("accessibilityNeeds", Sharing.IF_CHOSEN),
    VERIFIED("verified", Sharing.IF_CHOSEN),
    KIND("kind", Sharing.NOT_WITH_MEMBERS),
    PAUSED("paused", Sharing.NOT_WITH_MEMBERS),
    SUSPENDED("suspended", Sharing.NOT_WITH_MEMBERS),
    MINUTES("givenMinutes, receivedMinutes", Sharing.NOT_WITH_MEMBERS),
    REGISTERED_AT("registeredAt", Sharing.NOT_WITH_MEMBERS),
    /** How many open matches the member has: said in suggestions' reasons, never on the profile. */
    OPEN_MATCHES("open matches", Sharing.NOT_WITH_MEMBERS),
    /** The member's own choices of what to share. */
    SHARED_WITH_MEMBERS("sharedWithMembers", Sharing.NOT_WITH_MEMBERS);

    /** Whether members other than the member themself see a field. */
    public enum Sharing {
        /** Always: it is how members find each other. */
        WITH_MEMBERS,
        /** Only if the member chose to share it ({@code sharedWithMembers}); not by default. */
        IF_CHOSEN,
        /** Never: only the member themself, coordinators and admins. */
        NOT_WITH_MEMBERS
    }

    private final String apiName;
    private final Sharing sharing;

    ProfileField(String apiName, Sharing sharing) {
        this.apiName = apiName;
        this.sharing = sharing;
    }

    /** The field's name in the API. */
    public String apiName() {
        return apiName;
    }

    public Sharing sharing() {
        return sharing;
    }

    /** A field a member may choose to share, by its name in the API ({@code district}, {@code accessibilityNeeds}). */
    public static ProfileField shareable(String name) {
        String wanted = name == null ? "" : name.strip();
        return Arrays.stream(values()).filter(field -> field.sharing == Sharing.IF_CHOSEN)
                .filter(field -> field.apiName.equalsIgnoreCase(wanted)
                        || field.name().equals(wanted.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new Refused(MatchingRefusal.NOT_SHAREABLE.with("field", name, "choices",
                        String.join(", ", Arrays.stream(values()).filter(f -> f.sharing == Sharing.IF_CHOSEN)
                                .map(ProfileField::apiName).toList()))));
    }
}
