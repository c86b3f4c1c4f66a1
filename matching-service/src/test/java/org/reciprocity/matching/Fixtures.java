package org.reciprocity.matching;

import java.time.Instant;
import java.util.Set;

import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.listing.ListingContent;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.profile.ProfileField;
import org.reciprocity.matching.vocabulary.Mode;
import org.reciprocity.matching.vocabulary.Slot;

/** Plain-words fixtures: members, needs and offers that differ from a neutral default in one way. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    public static final String TB = "riverside";

    private Fixtures() {
    }

    /** A member who speaks English, lives in M14, is free Tuesday afternoons and has no history. */
    public static Profile aMember(String id) {
        return new Profile(id, TB, MemberKind.NEIGHBOUR, capitalised(id), "en", NOW, false, false, false, Set.of(),
                Set.of(), Set.of(), Set.of(Slot.parse("TUESDAY_AFTERNOON")), "M14", Set.of(), Set.of(), 0, 0, Set.of());
    }

    public static Profile withLanguages(Profile p, String... languages) {
        return new Profile(p.memberId(), p.timebankId(), p.kind(), p.displayName(), p.language(), p.registeredAt(),
                p.suspended(), p.paused(), p.verified(), p.skills(), p.tags(), Set.of(languages), p.availability(),
                p.district(), p.modes(), p.accessibilityNeeds(), p.givenMinutes(), p.receivedMinutes(), p.sharedWithMembers());
    }

    public static Profile speakingOnly(Profile p, String language) {
        return new Profile(p.memberId(), p.timebankId(), p.kind(), p.displayName(), language, p.registeredAt(),
                p.suspended(), p.paused(), p.verified(), p.skills(), p.tags(), Set.of(), p.availability(),
                p.district(), p.modes(), p.accessibilityNeeds(), p.givenMinutes(), p.receivedMinutes(), p.sharedWithMembers());
    }

    public static Profile freeOn(Profile p, String... slots) {
        return new Profile(p.memberId(), p.timebankId(), p.kind(), p.displayName(), p.language(), p.registeredAt(),
                p.suspended(), p.paused(), p.verified(), p.skills(), p.tags(), p.languages(),
                java.util.Arrays.stream(slots).map(Slot::parse).collect(java.util.stream.Collectors.toSet()),
                p.district(), p.modes(), p.accessibilityNeeds(), p.givenMinutes(), p.receivedMinutes(), p.sharedWithMembers());
    }

    public static Profile livingIn(Profile p, String district) {
        return new Profile(p.memberId(), p.timebankId(), p.kind(), p.displayName(), p.language(), p.registeredAt(),
                p.suspended(), p.paused(), p.verified(), p.skills(), p.tags(), p.languages(), p.availability(),
                district, p.modes(), p.accessibilityNeeds(), p.givenMinutes(), p.receivedMinutes(), p.sharedWithMembers());
    }

    public static Profile withHistory(Profile p, long givenMinutes, long receivedMinutes) {
        return new Profile(p.memberId(), p.timebankId(), p.kind(), p.displayName(), p.language(), p.registeredAt(),
                p.suspended(), p.paused(), p.verified(), p.skills(), p.tags(), p.languages(), p.availability(),
                p.district(), p.modes(), p.accessibilityNeeds(), givenMinutes, receivedMinutes, p.sharedWithMembers());
    }

    public static Profile withSkills(Profile p, String... skills) {
        return new Profile(p.memberId(), p.timebankId(), p.kind(), p.displayName(), p.language(), p.registeredAt(),
                p.suspended(), p.paused(), p.verified(), Set.of(skills), p.tags(), p.languages(), p.availability(),
                p.district(), p.modes(), p.accessibilityNeeds(), p.givenMinutes(), p.receivedMinutes(), p.sharedWithMembers());
    }

    public static Profile needing(Profile p, String... accessNeeds) {
        return new Profile(p.memberId(), p.timebankId(), p.kind(), p.displayName(), p.language(), p.registeredAt(),
                p.suspended(), p.paused(), p.verified(), p.skills(), p.tags(), p.languages(), p.availability(),
                p.district(), p.modes(), Set.of(accessNeeds), p.givenMinutes(), p.receivedMinutes(), p.sharedWithMembers());
    }

    public static Profile suspended(Profile p) {
        return new Profile(p.memberId(), p.timebankId(), p.kind(), p.displayName(), p.language(), p.registeredAt(),
                true, p.paused(), p.verified(), p.skills(), p.tags(), p.languages(), p.availability(), p.district(),
                p.modes(), p.accessibilityNeeds(), p.givenMinutes(), p.receivedMinutes(), p.sharedWithMembers());
    }

    public static Profile paused(Profile p) {
        return new Profile(p.memberId(), p.timebankId(), p.kind(), p.displayName(), p.language(), p.registeredAt(),
                p.suspended(), true, p.verified(), p.skills(), p.tags(), p.languages(), p.availability(), p.district(),
                p.modes(), p.accessibilityNeeds(), p.givenMinutes(), p.receivedMinutes(), p.sharedWithMembers());
    }

    public static Profile verified(Profile p) {
        return new Profile(p.memberId(), p.timebankId(), p.kind(), p.displayName(), p.language(), p.registeredAt(),
                p.suspended(), p.paused(), true, p.skills(), p.tags(), p.languages(), p.availability(), p.district(),
                p.modes(), p.accessibilityNeeds(), p.givenMinutes(), p.receivedMinutes(), p.sharedWithMembers());
    }

    /** The member shows these fields to other members. */
    public static Profile sharing(Profile p, ProfileField... fields) {
        return new Profile(p.memberId(), p.timebankId(), p.kind(), p.displayName(), p.language(), p.registeredAt(),
                p.suspended(), p.paused(), p.verified(), p.skills(), p.tags(), p.languages(), p.availability(),
                p.district(), p.modes(), p.accessibilityNeeds(), p.givenMinutes(), p.receivedMinutes(), Set.of(fields));
    }

    /** An open in-person befriending need in M14, tagged "walking". */
    public static Listing aNeed(String id, Profile owner) {
        return listing(id, owner, Listing.Kind.NEED, "befriending", Set.of("walking"), Mode.IN_PERSON, "M14", Set.of(), false);
    }

    /** An open in-person befriending offer in M14, tagged "walking". */
    public static Listing anOffer(String id, Profile owner) {
        return listing(id, owner, Listing.Kind.OFFER, "befriending", Set.of("walking"), Mode.IN_PERSON, "M14", Set.of(), false);
    }

    public static Listing listing(String id, Profile owner, Listing.Kind kind, String category, Set<String> tags, Mode mode,
                                  String district, Set<String> accessibility, boolean requiresVerified) {
        return new Listing(id, owner.timebankId(), owner.memberId(), kind, new ListingContent("A " + category + " " + kind,
                "", category, tags, 60, mode, district, null, accessibility, NOW.plusSeconds(86_400 * 30), requiresVerified),
                Listing.Status.OPEN, NOW.minusSeconds(3600), NOW.minusSeconds(3600), 0);
    }

    private static String capitalised(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }
}
