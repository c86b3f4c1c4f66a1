package org.reciprocity.matching.suggestion;

import java.time.format.TextStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import org.reciprocity.kit.problem.Wording;
import org.reciprocity.matching.vocabulary.Slot;

/**
 * Puts a {@link Why} into words from {@code SuggestionReason.properties} (and {@code _fr}): the text
 * for its reader ({@code both-speak.about}, else {@code both-speak}), each parameter worded in the
 * reader's language — a category, a mode and a count by their keys ({@code category.it-help},
 * {@code mode.REMOTE}, {@code open.other}), free times as days of the week, a language by its name,
 * minutes as hours and minutes; the words members wrote (tags, access needs) as they wrote them.
 */
final class ReasonWords {

    static final String BUNDLE = "org.reciprocity.matching.suggestion.SuggestionReason";

    private ReasonWords() {
    }

    static String words(Why why, Locale locale) {
        Locale language = Wording.language(locale);
        ResourceBundle bundle = bundle(language);
        String text = template(bundle, why);
        for (Map.Entry<String, Object> param : why.params().entrySet()) {
            text = text.replace("{" + param.getKey() + "}", value(bundle, param.getKey(), param.getValue(), language));
        }
        return text;
    }

    /** The reader's own text, else the one for any member, else the one about both sides. */
    static String template(ResourceBundle bundle, Why why) {
        for (String key : List.of(why.code() + "." + why.form(), why.code(), why.code() + ".about")) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        throw new MissingResourceException("no words for " + why.code() + " (" + why.form() + ")", BUNDLE, why.code());
    }

    static ResourceBundle bundle(Locale language) {
        return Wording.bundle(BUNDLE, ReasonWords.class, language);
    }

    private static String value(ResourceBundle bundle, String name, Object value, Locale language) {
        return switch (name) {
            case "slots" -> list(bundle, ((Collection<?>) value).stream().map(v -> slot(bundle, v, language)).toList());
            case "language" -> Locale.forLanguageTag(String.valueOf(value)).getDisplayLanguage(language);
            case "given", "received" -> minutes(bundle, ((Number) value).longValue());
            case "open" -> count(bundle, name, ((Number) value).longValue());
            case "category" -> keyed(bundle, name, String.valueOf(value));
            case "wanted", "offered" -> keyed(bundle, "mode", String.valueOf(value));
            default -> value instanceof Collection<?> many
                    ? many.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    : String.valueOf(value);
        };
    }

    private static String slot(ResourceBundle bundle, Object value, Locale language) {
        Slot slot = Slot.parse(String.valueOf(value));
        return bundle.getString("slot." + slot.part().name())
                .replace("{day}", slot.day().getDisplayName(TextStyle.FULL, language));
    }

    private static String list(ResourceBundle bundle, List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + bundle.getString("and") + items.get(items.size() - 1);
    }

    /** Whole hours and minutes, as people say them: 1 h 30 min; no time at all in words. */
    static String minutes(ResourceBundle bundle, long minutes) {
        if (minutes <= 0) {
            return bundle.getString("minutes.none");
        }
        long h = minutes / 60;
        long m = minutes % 60;
        return h == 0 ? m + " min" : m == 0 ? h + " h" : h + " h " + m + " min";
    }

    private static String count(ResourceBundle bundle, String name, long n) {
        return bundle.getString(name + (n == 1 ? ".one" : ".other")).replace("{n}", String.valueOf(n));
    }

    private static String keyed(ResourceBundle bundle, String name, String value) {
        String key = name + "." + value;
        return bundle.containsKey(key) ? bundle.getString(key) : value.replace('-', ' ');
    }

}
