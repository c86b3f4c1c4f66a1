package org.reciprocity.matching.vocabulary;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.Refused;

/**
 * The timebank's shared categories of help, plus free tags. Categories keep a board searchable
 * and comparable; tags let members say what the categories cannot.
 */
public final class Taxonomy {

    public static final List<String> CATEGORIES = List.of(
            "befriending", "peer-support", "listening", "practical-help", "shopping", "cooking", "gardening",
            "diy", "transport", "it-help", "admin-forms", "language-practice", "arts-crafts", "music", "exercise",
            "childcare", "pet-care", "training", "co-design", "translation", "reading", "advocacy",
            "social-activity", "wellbeing");

    private static final Set<String> KNOWN = Set.copyOf(CATEGORIES);
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9 \\-]{0,29}");
    public static final int MAX_TAGS = 12;

    private Taxonomy() {
    }

    public static String category(String value) {
        String category = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!KNOWN.contains(category)) {
            throw new Refused(MatchingRefusal.UNKNOWN_CATEGORY.with("value", value, "choices", String.join(", ", CATEGORIES)));
        }
        return category;
    }

    public static Set<String> categories(Collection<String> values) {
        Set<String> categories = new LinkedHashSet<>();
        if (values != null) {
            values.forEach(v -> categories.add(category(v)));
        }
        return Set.copyOf(categories);
    }

    /** Free tags, lower-cased and trimmed: short words or phrases. */
    public static Set<String> tags(Collection<String> values) {
        Set<String> tags = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                String tag = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
                if (!TAG.matcher(tag).matches()) {
                    throw new Refused(MatchingRefusal.NOT_A_TAG.with("value", value));
                }
                tags.add(tag);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new Refused(MatchingRefusal.TOO_MANY_TAGS.with("max", MAX_TAGS));
        }
        return Set.copyOf(tags);
    }
}
