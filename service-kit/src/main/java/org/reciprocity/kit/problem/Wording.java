package org.reciprocity.kit.problem;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of a {@link Reason} in a reader's language, from the message bundle beside its enum
 * (plain {@link ResourceBundle}s, UTF-8 {@code .properties}, so the domain needs no framework).
 *
 * <p>A parameter is written {@code {name}} in the text. Its value is shown as the bundle words it,
 * when the bundle has a key {@code name.VALUE} (a state such as {@code state.VALIDATED=confirmed},
 * so no English word reaches a French reader); a date is written in the reader's language; any
 * other value as it is.
 */
public final class Wording {

    /** The languages Reciprocity speaks; English is the default. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

    private static final ResourceBundle.Control NO_FALLBACK_TO_MACHINE_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Wording() {
    }

    /** The language among {@link #LANGUAGES} closest to {@code wanted}; English when none is. */
    public static Locale language(Locale wanted) {
        if (wanted == null) {
            return Locale.ENGLISH;
        }
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst()
                .orElse(Locale.ENGLISH);
    }

    /** The text of {@code reason} in {@code locale}, parameters still written {@code {name}}. */
    public static String template(Reason reason, Locale locale) {
        ResourceBundle bundle = bundle(reason, locale);
        try {
            return bundle.getString(reason.code());
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no words for '" + reason.code() + "' in " + baseName(reason)
                    + " (" + language(locale) + ")", e);
        }
    }

    /** The words of {@code reason} in {@code locale}, its parameters filled in. */
    public static String words(Reason reason, Map<String, Object> params, Locale locale) {
        ResourceBundle bundle = bundle(reason, locale);
        String text = template(reason, locale);
        for (Map.Entry<String, Object> param : params.entrySet()) {
            text = text.replace("{" + param.getKey() + "}", value(bundle, param.getKey(), param.getValue(), locale));
        }
        return text;
    }

    private static String value(ResourceBundle bundle, String name, Object value, Locale locale) {
        if (value instanceof LocalDate date) {
            return date(date, locale);
        }
        String plain = String.valueOf(value);
        String key = name + "." + plain;
        return bundle.containsKey(key) ? bundle.getString(key) : plain;
    }

    /** A date as the reader writes it: "1 December 2026"; in French "1er décembre 2026", "2 décembre 2026". */
    public static String date(LocalDate date, Locale locale) {
        Locale language = language(locale);
        String written = date.format(DateTimeFormatter.ofPattern("d MMMM uuuu", language));
        if (language.equals(Locale.FRENCH) && date.getDayOfMonth() == 1 && written.startsWith("1 ")) {
            return "1er" + written.substring(1); // French writes the first of the month as an ordinal
        }
        return written;
    }

    /** The bundle beside the reason's enum, in the closest language Reciprocity speaks. */
    public static ResourceBundle bundle(Reason reason, Locale locale) {
        Class<?> owner = reason instanceof Enum<?> constant ? constant.getDeclaringClass() : reason.getClass();
        return bundle(baseName(reason), owner, locale);
    }

    /**
     * Any of Reciprocity's word bundles ({@code baseName}, beside {@code owner}) in the closest language
     * it speaks: English is the root bundle (no {@code _en} file), asked for as the root so that neither
     * another language nor the machine's own locale leaks in.
     */
    public static ResourceBundle bundle(String baseName, Class<?> owner, Locale locale) {
        Locale language = language(locale);
        Locale asked = language.equals(Locale.ENGLISH) ? Locale.ROOT : language;
        return ResourceBundle.getBundle(baseName, asked, owner.getClassLoader(), NO_FALLBACK_TO_MACHINE_LOCALE);
    }

    private static String baseName(Reason reason) {
        Class<?> owner = reason instanceof Enum<?> constant ? constant.getDeclaringClass() : reason.getClass();
        return owner.getName();
    }
}
