package org.reciprocity.testsupport.words;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a message bundle in English (the base file) and French ({@code _fr}) as a member reads it,
 * and lists what is wrong: a text missing in one language, parameters that differ between the two,
 * an English text that reads above age 9, a French one below the ease bar, French punctuation
 * without its non-breaking space. Texts are scored with their parameters replaced by a one-syllable
 * sample, as a member sees them.
 *
 * <p>A bundle's reviewed exceptions are passed by key, each with the reason it stays hard
 * (a legal term, a word the member chose); any other text that is too hard is a finding.
 */
public final class BundleCheck {

    /** The reading age no English text may go above (GOV.UK's target). */
    public static final double MAX_ENGLISH_READING_AGE = 9;
    /** The lowest Kandel–Moles ease a French text may have ("fairly easy" starts at 70; we allow 60). */
    public static final double MIN_FRENCH_EASE = 60;

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");
    /** A French ":", ";", "?", "!" or "»" after an ordinary space, or "«" before one. */
    private static final Pattern FRENCH_BREAKING_SPACE = Pattern.compile(" [:;?!»]|« ");
    /** The same marks with no space at all, where French wants a thin or non-breaking one. */
    private static final Pattern FRENCH_MISSING_SPACE = Pattern.compile("[\\p{L}\\d][;?!»]|«[\\p{L}\\d]|[\\p{L}\\d]:( |$)");

    private final String baseName;
    private final Properties english;
    private final Properties french;
    private final List<String> findings = new ArrayList<>();
    private int textsChecked;
    private double hardestEnglishAge;
    private double hardestFrenchEase = 200;

    private BundleCheck(String baseName) {
        this.baseName = baseName;
        this.english = load(baseName + ".properties");
        this.french = load(baseName + "_fr.properties");
    }

    /**
     * Checks the bundle at {@code baseName} on the classpath ({@code i18n/messages},
     * {@code org/reciprocity/ledger/book/LedgerRefusal}); {@code reviewed} says which keys are
     * allowed to read harder than the bar (texts that are not for members, such as a key name
     * or a parameter alone, are skipped anyway).
     */
    public static BundleCheck of(String baseName, Predicate<String> reviewed) {
        BundleCheck check = new BundleCheck(baseName);
        check.run(reviewed);
        return check;
    }

    public static BundleCheck of(String baseName) {
        return of(baseName, key -> false);
    }

    private void run(Predicate<String> reviewed) {
        Set<String> keys = new TreeSet<>(english.stringPropertyNames());
        Set<String> frenchKeys = new TreeSet<>(french.stringPropertyNames());
        for (String key : keys) {
            if (!frenchKeys.contains(key)) {
                findings.add(key + ": no French text");
            }
        }
        for (String key : frenchKeys) {
            if (!keys.contains(key)) {
                findings.add(key + ": French text with no English one");
            }
        }
        for (String key : keys) {
            String en = english.getProperty(key);
            String fr = french.getProperty(key);
            if (fr != null && !parameters(en).equals(parameters(fr))) {
                findings.add(key + ": parameters differ, English " + parameters(en) + ", French " + parameters(fr));
            }
            if (!isProse(en)) {
                continue;
            }
            textsChecked++;
            boolean exception = reviewed.test(key);
            double age = Readability.englishReadingAge(sample(en));
            if (!exception) { // "hardest" is of the texts held to the bar; a reviewed exception is named in its test
                hardestEnglishAge = Math.max(hardestEnglishAge, age);
            }
            if (age > MAX_ENGLISH_READING_AGE && !exception) {
                findings.add(String.format(Locale.ROOT, "%s: reads at age %.1f (at most %.0f): %s", key, age,
                        MAX_ENGLISH_READING_AGE, en));
            }
            if (fr == null) {
                continue;
            }
            textsChecked++;
            double ease = Readability.frenchEase(sample(fr));
            if (!exception) {
                hardestFrenchEase = Math.min(hardestFrenchEase, ease);
            }
            if (ease < MIN_FRENCH_EASE && !exception) {
                findings.add(String.format(Locale.ROOT, "%s: French reading ease %.0f (at least %.0f): %s", key, ease,
                        MIN_FRENCH_EASE, fr));
            }
            Matcher breaking = FRENCH_BREAKING_SPACE.matcher(fr);
            if (breaking.find()) {
                findings.add(key + ": French '" + breaking.group().trim() + "' needs a non-breaking space (U+00A0 or U+202F): " + fr);
            }
            Matcher missing = FRENCH_MISSING_SPACE.matcher(fr.replaceAll("https?://\\S+", "").replaceAll("\\{[^}]*}", "x "));
            if (missing.find()) {
                findings.add(key + ": French '" + missing.group().trim() + "' needs a non-breaking space before or inside it: " + fr);
            }
        }
    }

    /** What is wrong, one line each; empty when the bundle passes. */
    public List<String> findings() {
        return List.copyOf(findings);
    }

    /** How many texts (English and French) were scored. */
    public int textsChecked() {
        return textsChecked;
    }

    /** One line for the build log: how many texts, the hardest scores. */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %d texts checked (English and French); hardest English reads at age %.1f, "
                + "hardest French ease %.0f (reviewed exceptions aside); %d findings", baseName, textsChecked, hardestEnglishAge,
                hardestFrenchEase == 200 ? 100 : hardestFrenchEase, findings.size());
    }

    public Properties english() {
        return english;
    }

    public Properties french() {
        return french;
    }

    static Set<String> parameters(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PARAMETER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** A text a person reads: at least two words once parameters are gone. */
    private static boolean isProse(String text) {
        return Readability.counts(PARAMETER.matcher(text).replaceAll(""), Locale.ENGLISH).words() >= 2;
    }

    private static String sample(String text) {
        return PARAMETER.matcher(text).replaceAll("Sam");
    }

    private static Properties load(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no bundle " + resource + " on the classpath");
        }
        Properties properties = new Properties();
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
