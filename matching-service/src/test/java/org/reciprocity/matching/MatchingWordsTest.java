package org.reciprocity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.reciprocity.kit.problem.Wording;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.match.Match;
import org.reciprocity.matching.suggestion.SuggestionReason;
import org.reciprocity.matching.suggestion.Why;
import org.reciprocity.matching.vocabulary.Mode;
import org.reciprocity.matching.vocabulary.Slot;
import org.reciprocity.matching.vocabulary.Taxonomy;
import org.reciprocity.testsupport.words.BundleCheck;
import org.reciprocity.testsupport.words.Readability;

/**
 * Matching's words as a member reads them, in English and French: every refusal and every reason
 * for a suggestion has words in both, reads at age 9 or below (French: ease 60 or more), keeps
 * French typography, and every value put into them (a state, a mode, a category…) is worded too.
 */
class MatchingWordsTest {

    static final String REFUSALS = "org/reciprocity/matching/MatchingRefusal";
    static final String REASONS = "org/reciprocity/matching/suggestion/SuggestionReason";
    /**
     * Reviewed: the words of a value (state.OPEN=open, category.it-help=…, open.other={n} open
     * matches) are a word or two put into a sentence, not a sentence; a sentence formula scores
     * "retirée" or "social activities" as nonsense. They are scored inside the sentences they fill
     * instead ({@link #everySentenceWithEveryValueInItReadsPlainly}).
     */
    static final Predicate<String> VALUE_WORDS = key -> key.matches("(state|action|category|mode|slot|open|minutes)\\..+|and");

    @Test
    void everyRefusalReadsPlainlyInEnglishAndFrench() {
        BundleCheck check = BundleCheck.of(REFUSALS, VALUE_WORDS);
        System.out.println(check.summary());
        System.out.println(hardestSentences(check));

        assertThat(check.findings()).isEmpty();
        for (MatchingRefusal reason : MatchingRefusal.values()) {
            for (Locale language : Wording.LANGUAGES) {
                assertThat(Wording.template(reason, language)).as(reason + " " + language).isNotBlank();
            }
        }
    }

    @Test
    void everyReasonForASuggestionReadsPlainlyInEnglishAndFrench() {
        BundleCheck check = BundleCheck.of(REASONS, VALUE_WORDS);
        System.out.println(check.summary());
        System.out.println(hardestSentences(check));

        assertThat(check.findings()).isEmpty();
    }

    @Test
    void everyReasonHasWordsForEachReaderInEachLanguageWithNothingLeftUnsaid() {
        List<String> rendered = new ArrayList<>();
        for (SuggestionReason reason : SuggestionReason.values()) {
            for (Why.Form form : Why.Form.values()) {
                for (Locale language : Wording.LANGUAGES) {
                    String words = new Why(reason.code(), form.name().toLowerCase(Locale.ROOT), sample(form))
                            .words(language);
                    assertThat(words).as(reason + " for " + form + " in " + language).doesNotContain("{", "}")
                            .doesNotContain("_", "IN_PERSON", "TUESDAY");
                    rendered.add(words);
                }
            }
        }
        System.out.println("SuggestionReason: " + rendered.size() + " reasons rendered (" + SuggestionReason.values().length
                + " codes x " + Why.Form.values().length + " readers x " + Wording.LANGUAGES.size() + " languages)");
    }

    @Test
    void everyValueARefusalOrAReasonNamesHasItsOwnWords() {
        BundleCheck refusals = BundleCheck.of(REFUSALS, VALUE_WORDS);
        BundleCheck reasons = BundleCheck.of(REASONS, VALUE_WORDS);
        List<String> keys = new ArrayList<>();
        Arrays.stream(Listing.Status.values()).forEach(s -> keys.add("refusal state." + s));
        Arrays.stream(Match.Status.values()).forEach(s -> keys.add("refusal state." + s));
        List.of("edit", "withdraw").forEach(a -> keys.add("refusal action." + a));
        Taxonomy.CATEGORIES.forEach(c -> keys.add("reason category." + c));
        Arrays.stream(Mode.values()).forEach(m -> keys.add("reason mode." + m));
        Arrays.stream(Slot.Part.values()).forEach(p -> keys.add("reason slot." + p));

        for (String entry : keys) {
            BundleCheck check = entry.startsWith("refusal") ? refusals : reasons;
            String key = entry.substring(entry.indexOf(' ') + 1);
            assertThat(check.english().getProperty(key)).as("English " + key).isNotBlank();
            assertThat(check.french().getProperty(key)).as("French " + key).isNotBlank();
        }
        System.out.println("Matching: " + keys.size() + " worded values checked in English and French");
    }

    /**
     * Every sentence filled with every value it can hold (each category, mode, state, action…) in
     * both languages. The bundle check scores sentences with a one-syllable name in each parameter;
     * real values are longer, and a sentence formula over-scores short sentences, so this guard has
     * its own bar: no value may make a sentence read above age {@value #VALUE_FILLED_MAX_AGE} or below
     * French ease {@value #VALUE_FILLED_MIN_EASE}.
     */
    static final double VALUE_FILLED_MAX_AGE = 12;
    static final double VALUE_FILLED_MIN_EASE = 45;

    @Test
    void everySentenceWithEveryValueInItReadsPlainly() {
        List<String> filled = new ArrayList<>();
        List<Map<String, Object>> samples = new ArrayList<>();
        Taxonomy.CATEGORIES.forEach(category -> samples.add(Map.of("category", category)));
        Arrays.stream(Mode.values()).forEach(wanted -> samples.add(Map.of("wanted", wanted.name(), "offered", "OTHER")));
        samples.add(Map.of("open", 1L));
        samples.add(Map.of("received", 0L, "given", 0L));
        samples.add(Map.of("slots", List.of("WEDNESDAY_EVENING")));
        for (Map<String, Object> values : samples) {
            for (SuggestionReason reason : SuggestionReason.values()) {
                for (Why.Form form : Why.Form.values()) {
                    Map<String, Object> params = sample(form);
                    params.putAll(values);
                    Why why = new Why(reason.code(), form.name().toLowerCase(Locale.ROOT), params);
                    filled.add("en " + why.words(Locale.ENGLISH));
                    filled.add("fr " + why.words(Locale.FRENCH));
                }
            }
        }
        for (Listing.Status state : Listing.Status.values()) {
            for (String action : List.of("edit", "withdraw")) {
                for (MatchingRefusal reason : List.of(MatchingRefusal.NOT_OPEN_TO_PAUSE, MatchingRefusal.LISTING_OFF_THE_BOARD)) {
                    filled.add("en " + reason.with("state", state.name(), "action", action).words(Locale.ENGLISH));
                    filled.add("fr " + reason.with("state", state.name(), "action", action).words(Locale.FRENCH));
                }
            }
        }
        for (Match.Status state : Match.Status.values()) {
            for (MatchingRefusal reason : List.of(MatchingRefusal.NOTHING_TO_ANSWER, MatchingRefusal.MATCH_CLOSED,
                    MatchingRefusal.MATCH_NOT_AGREED)) {
                filled.add("en " + reason.with("state", state.name()).words(Locale.ENGLISH));
                filled.add("fr " + reason.with("state", state.name()).words(Locale.FRENCH));
            }
        }
        List<String> hard = new ArrayList<>();
        double hardestAge = 0;
        double hardestEase = 200;
        for (String text : new java.util.LinkedHashSet<>(filled)) {
            String words = text.substring(3);
            assertThat(words).as(text).doesNotContain("{", "}", "_");
            if (text.startsWith("en ")) {
                double age = Readability.englishReadingAge(words);
                hardestAge = Math.max(hardestAge, age);
                if (age > VALUE_FILLED_MAX_AGE) {
                    hard.add(String.format(Locale.ROOT, "age %.1f: %s", age, words));
                }
            } else {
                double ease = Readability.frenchEase(words);
                hardestEase = Math.min(hardestEase, ease);
                if (ease < VALUE_FILLED_MIN_EASE) {
                    hard.add(String.format(Locale.ROOT, "ease %.0f: %s", ease, words));
                }
            }
        }
        System.out.println(String.format(Locale.ROOT, "Matching: %d different sentences scored with real values in them "
                + "(English and French); hardest English reads at age %.1f, hardest French ease %.0f; %d too hard",
                new java.util.LinkedHashSet<>(filled).size(), hardestAge, hardestEase, hard.size()));
        assertThat(hard).isEmpty();
    }

    @Test
    void aReasonIsWordedForItsReaderInTheirLanguage() {
        Map<String, Object> params = new LinkedHashMap<>(Map.of("other", "Ali", "language", "ar"));
        Why bothSpeak = new Why(SuggestionReason.BOTH_SPEAK.code(), "receiver", params);
        Why bothFree = new Why(SuggestionReason.BOTH_FREE.code(), "about",
                Map.of("giver", "Ali", "receiver", "Sam", "slots", List.of("TUESDAY_AFTERNOON", "FRIDAY_MORNING")));
        Why busy = new Why(SuggestionReason.OPEN_MATCHES.code(), "giver", Map.of("giver", "Ali", "open", 1L));

        assertThat(bothSpeak.words(Locale.ENGLISH)).isEqualTo("You both speak Arabic.");
        assertThat(bothSpeak.words(Locale.FRENCH)).isEqualTo("Vous parlez tous les deux arabe.");
        assertThat(bothFree.words(Locale.ENGLISH))
                .isEqualTo("Ali and Sam are both free on Tuesday afternoons and Friday mornings.");
        assertThat(bothFree.words(Locale.FRENCH))
                .isEqualTo("Ali et Sam sont libres tous les deux le mardi après-midi et le vendredi matin.");
        assertThat(busy.words(Locale.ENGLISH)).isEqualTo("You have 1 match that is still open.");
        assertThat(busy.words(Locale.FRENCH)).isEqualTo("Vous avez 1 mise en relation en cours.");
    }

    /** The hardest sentences of a bundle, leaving out the words of values (which the summary counts). */
    private static String hardestSentences(BundleCheck check) {
        double age = 0;
        double ease = 200;
        int sentences = 0;
        for (String key : check.english().stringPropertyNames()) {
            if (VALUE_WORDS.test(key)) {
                continue;
            }
            sentences++;
            age = Math.max(age, Readability.englishReadingAge(check.english().getProperty(key).replaceAll("\\{[^}]*}", "Sam")));
            ease = Math.min(ease, Readability.frenchEase(check.french().getProperty(key).replaceAll("\\{[^}]*}", "Sam")));
        }
        return String.format(Locale.ROOT, "  of which %d sentences (values left out): hardest English reads at age %.1f, "
                + "hardest French ease %.0f", sentences, age, ease);
    }

    private static Map<String, Object> sample(Why.Form form) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("giver", "Ali");
        params.put("receiver", "Sam");
        if (form != Why.Form.ABOUT) {
            params.put("other", form == Why.Form.RECEIVER ? "Ali" : "Sam");
        }
        params.put("category", "it-help");
        params.put("tags", List.of("walking", "chess"));
        params.put("slots", List.of("TUESDAY_AFTERNOON"));
        params.put("km", 3);
        params.put("language", "ar");
        params.put("wanted", "IN_PERSON");
        params.put("offered", "REMOTE");
        params.put("needs", List.of("step-free"));
        params.put("received", 600L);
        params.put("given", 75L);
        params.put("open", 2L);
        return params;
    }
}
