package org.reciprocity.matching.profile;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.Refused;
import org.reciprocity.matching.vocabulary.Districts;
import org.reciprocity.matching.vocabulary.Mode;
import org.reciprocity.matching.vocabulary.Slot;
import org.reciprocity.matching.vocabulary.Taxonomy;

/**
 * What a member adds to their profile, validated: each factory refuses with words the member can
 * act on. Includes what they choose to share with other members (nothing, unless they say so).
 */
public record ProfileDetails(Set<String> skills, Set<String> tags, Set<String> languages, Set<Slot> availability,
                             String district, Set<Mode> modes, Set<String> accessibilityNeeds,
                             Set<ProfileField> sharedWithMembers) {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern NEED = Pattern.compile("[a-z0-9][a-z0-9 \\-]{0,39}");

    public static ProfileDetails of(Collection<String> skills, Collection<String> tags, Collection<String> languages,
                                    Collection<String> availability, String district, Collection<String> modes,
                                    Collection<String> accessibilityNeeds, Collection<String> sharedWithMembers) {
        Set<String> langs = new LinkedHashSet<>();
        for (String language : nonNull(languages)) {
            String code = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(code).matches()) {
                throw new Refused(MatchingRefusal.NOT_A_LANGUAGE.with("value", language));
            }
            langs.add(code);
        }
        Set<String> needs = new LinkedHashSet<>();
        for (String need : nonNull(accessibilityNeeds)) {
            String clean = need == null ? "" : need.strip().toLowerCase(Locale.ROOT);
            if (!NEED.matcher(clean).matches()) {
                throw new Refused(MatchingRefusal.NOT_AN_ACCESS_NEED.with("value", need));
            }
            needs.add(clean);
        }
        return new ProfileDetails(Taxonomy.categories(skills), Taxonomy.tags(tags), Set.copyOf(langs),
                nonNull(availability).stream().map(Slot::parse).collect(Collectors.toUnmodifiableSet()),
                district == null || district.isBlank() ? null : Districts.require(district),
                nonNull(modes).stream().map(Mode::parse).collect(Collectors.toUnmodifiableSet()), Set.copyOf(needs),
                nonNull(sharedWithMembers).stream().map(ProfileField::shareable).collect(Collectors.toUnmodifiableSet()));
    }

    private static <T> Collection<T> nonNull(Collection<T> values) {
        return values == null ? Set.of() : values;
    }
}
