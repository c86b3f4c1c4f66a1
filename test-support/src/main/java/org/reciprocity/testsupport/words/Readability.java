package org.reciprocity.testsupport.words;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How hard a text is to read, by the formulas plain-language guides use.
 *
 * <p>English: the Flesch–Kincaid grade, {@code 0.39 × words per sentence + 11.8 × syllables per
 * word − 15.59}; a reading age is the grade plus five (grade 4 is read at 9, the GOV.UK target).
 * French: Kandel and Moles' adaptation of Flesch's reading ease, {@code 207 − 1.015 × words per
 * sentence − 73.6 × syllables per word} (higher is easier; 70 and over is "fairly easy").
 * Syllables are counted as groups of vowels, less a silent final "e" — the usual approximation,
 * good enough to rank texts and to catch a long, Latinate sentence.
 */
public final class Readability {

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+|\\n+");
    private static final Pattern ENGLISH_VOWELS = Pattern.compile("[aeiouy]+");
    private static final Pattern FRENCH_VOWELS = Pattern.compile("[aeiouyàâäéèêëîïôöùûüœæ]+");

    private Readability() {
    }

    /** Counts of a text: words, sentences (at least one) and syllables. */
    public record Counts(int words, int sentences, int syllables) {

        double wordsPerSentence() {
            return words == 0 ? 0 : (double) words / sentences;
        }

        double syllablesPerWord() {
            return words == 0 ? 0 : (double) syllables / words;
        }
    }

    /** The Flesch–Kincaid grade of an English text. */
    public static double englishGrade(String text) {
        Counts counts = counts(text, Locale.ENGLISH);
        if (counts.words() == 0) {
            return 0;
        }
        return 0.39 * counts.wordsPerSentence() + 11.8 * counts.syllablesPerWord() - 15.59;
    }

    /** The reading age of an English text: its Flesch–Kincaid grade plus five years. */
    public static double englishReadingAge(String text) {
        return Math.max(5, englishGrade(text) + 5);
    }

    /** Kandel and Moles' reading ease of a French text (higher is easier). */
    public static double frenchEase(String text) {
        Counts counts = counts(text, Locale.FRENCH);
        if (counts.words() == 0) {
            return 100;
        }
        return 207 - 1.015 * counts.wordsPerSentence() - 73.6 * counts.syllablesPerWord();
    }

    public static Counts counts(String text, Locale language) {
        String plain = text.replaceAll("https?://\\S+", "link");
        int words = 0;
        int syllables = 0;
        Matcher word = WORD.matcher(plain);
        while (word.find()) {
            words++;
            syllables += syllables(word.group(), language);
        }
        int sentences = 0;
        for (String sentence : SENTENCE_END.split(plain.strip())) {
            if (WORD.matcher(sentence).find()) {
                sentences++;
            }
        }
        return new Counts(words, Math.max(1, sentences), syllables);
    }

    static int syllables(String word, Locale language) {
        String lower = word.toLowerCase(Locale.ROOT).replaceAll("['’-]", "");
        boolean french = language.getLanguage().equals("fr");
        if (french) {
            // a final mute e (and -es, -ent of verbs) is not said
            lower = lower.replaceAll("(?<=[^aeiouyàâäéèêëîïôöùûüœæ])(es?|ent)$", "");
        } else if (lower.length() > 2 && lower.endsWith("e") && !lower.endsWith("le") && !lower.endsWith("ee")) {
            lower = lower.substring(0, lower.length() - 1);
        } else if (lower.length() > 3 && lower.endsWith("ed") && !lower.matches(".*[td]ed$")) {
            lower = lower.substring(0, lower.length() - 2);
        }
        Matcher vowels = (french ? FRENCH_VOWELS : ENGLISH_VOWELS).matcher(lower);
        int count = 0;
        while (vowels.find()) {
            count++;
        }
        return Math.max(1, count);
    }
}
