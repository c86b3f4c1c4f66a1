package org.reciprocity.scenario;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the language of a message from its title (the inbox item's, the e-mail's subject), using
 * notification-service's own word files: the title of a kind in English and in French, names and
 * numbers left open.
 */
final class Wordings {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+(,[^}]*)?\\}");

    private final Map<String, Properties> byLanguage = new LinkedHashMap<>();

    Wordings(Path projectDir) throws IOException {
        Path words = projectDir.resolve("notification-service/src/main/resources/i18n");
        Properties english = load(words.resolve("messages.properties"), new Properties());
        byLanguage.put("en", english);
        Properties french = new Properties(english);
        load(words.resolve("messages_fr.properties"), french);
        byLanguage.put("fr", french);
    }

    private static Properties load(Path file, Properties into) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            into.load(reader);
        }
        return into;
    }

    /** The languages whose title of this kind the text is ({@code en}, {@code fr}, both if they read alike, or none). */
    List<String> languagesOf(String kind, String title) {
        return languagesOf(kind, null, title);
    }

    /**
     * Likewise for an item that may have been closed: a request to confirm that needs no answer any
     * more is titled by why ({@code answered.WITHDRAWN.title}…), not by its kind.
     */
    List<String> languagesOf(String kind, String closedBecause, String title) {
        List<String> languages = new ArrayList<>();
        byLanguage.forEach((language, words) -> {
            String key = closedBecause == null || closedBecause.isEmpty()
                    ? "kind." + kind + ".title"
                    : "answered." + closedBecause + ".title";
            if (matchesAny(words, key, title)) {
                languages.add(language);
            }
        });
        return languages;
    }

    /** Any kind's title in a language: for an e-mail, whose kind is known only from its delivery. */
    boolean isTitle(String kind, String language, String title) {
        return matchesAny(byLanguage.get(language), "kind." + kind + ".title", title);
    }

    /**
     * Whether {@code title} is the text of {@code key} or of one of its wording variants
     * ({@code kind.PLEASE_CONFIRM.title.THEY_GAVE}: "Did Ali give you 1 hour?").
     */
    private static boolean matchesAny(Properties words, String key, String title) {
        return words.stringPropertyNames().stream().filter(k -> k.equals(key) || k.startsWith(key + "."))
                .anyMatch(k -> pattern(words.getProperty(k)).matcher(title).matches());
    }

    private static Pattern pattern(String template) {
        String text = template.replace("''", "'");
        StringBuilder regex = new StringBuilder();
        Matcher argument = ARGUMENT.matcher(text);
        int last = 0;
        while (argument.find()) {
            regex.append(Pattern.quote(text.substring(last, argument.start()))).append(".*");
            last = argument.end();
        }
        regex.append(Pattern.quote(text.substring(last)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
