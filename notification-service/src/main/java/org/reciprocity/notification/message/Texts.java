package org.reciprocity.notification.message;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a notice into words in the recipient's language, with dates and times in the timebank's
 * zone. The words live in {@code i18n/messages_<lang>.properties}: short sentences, no jargon.
 */
@Component
public class Texts {

    public static final Set<String> LANGUAGES = Set.of("en", "fr");

    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** A supported locale for a language tag; English when the tag is unknown or missing. */
    public static Locale locale(String language) {
        return language != null && LANGUAGES.contains(language) ? Locale.forLanguageTag(language) : Locale.ENGLISH;
    }

    /**
     * The title and the paragraphs of a message.
     *
     * @param names the display name of a member id, or {@code null} when unknown
     */
    public Text render(MessageKind kind, Map<String, String> params, Locale locale, ZoneId zone,
            Function<String, String> names, String timebankName) {
        Object[] args = {
                name(params.get(Notices.OTHER), names, locale),
                duration(params.get(Notices.MINUTES), locale),
                date(params.get(Notices.DATE), locale),
                deadline(params.get(Notices.DEADLINE), zone, locale),
                params.getOrDefault(Notices.NOTE, ""),
                params.getOrDefault(Notices.REASON, ""),
                timebankName,
                name(params.get(Notices.SECOND), names, locale)};
        String prefix = "kind." + kind.name();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(say(prefix + ".body", locale, args));
        if (params.containsKey(Notices.NOTE) && !params.get(Notices.NOTE).isBlank()) {
            paragraphs.add(say(prefix + ".note", locale, args));
        }
        if (params.containsKey(Notices.REASON) && !params.get(Notices.REASON).isBlank()) {
            paragraphs.add(say(prefix + ".reason", locale, args));
        }
        return new Text(say(prefix + ".title", locale, args), List.copyOf(paragraphs));
    }

    /** A plain phrase of the catalogue. */
    public String say(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, key, locale);
    }

    /** An instant as a person reads it in the timebank's zone ("Wednesday 9 December at 09:30"). */
    public String when(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofPattern(say("format.datetime", locale), locale).format(instant.atZone(zone));
    }

    private String name(String memberId, Function<String, String> names, Locale locale) {
        String name = memberId == null ? null : names.apply(memberId);
        return name != null ? name : say("someone", locale);
    }

    private String duration(String minutes, Locale locale) {
        if (minutes == null) {
            return "";
        }
        long total = Long.parseLong(minutes);
        long hours = total / 60;
        long rest = total % 60;
        if (hours > 0 && rest > 0) {
            return say("duration.hours", locale, hours) + " " + say("duration.and", locale) + " "
                    + say("duration.minutes", locale, rest);
        }
        return hours > 0 ? say("duration.hours", locale, hours) : say("duration.minutes", locale, rest);
    }

    private String date(String date, Locale locale) {
        if (date == null) {
            return "";
        }
        try {
            return DateTimeFormatter.ofPattern(say("format.date", locale), locale).format(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            return date;
        }
    }

    private String deadline(String instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : when(Instant.parse(instant), zone, locale);
    }

    /** A message in words: a title (the e-mail subject) and short paragraphs. */
    public record Text(String title, List<String> paragraphs) {
    }
}
