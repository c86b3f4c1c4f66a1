package org.reciprocity.notification.message;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
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
        String balance = params.get(Notices.BALANCE);
        Object[] args = args(params, locale, zone, names, timebankName);
        String prefix = "kind." + kind.name();
        List<String> paragraphs = new ArrayList<>();
        // a message may have a wording per reader (asked, offered) or per direction (near the lowest
        // or the highest balance). Issue 18: no free text is said (a note, a reason, what it was for),
        // even when an old message still holds it: the words say where to read it
        String variant = params.containsKey(Notices.VARIANT) ? params.get(Notices.VARIANT) : params.get(Notices.DIRECTION);
        paragraphs.add(first(keys(prefix + ".body", variant), locale, args));
        if (balance != null) {
            long sign = Long.signum(Long.parseLong(balance));
            paragraphs.add(say(prefix + ".balance." + (sign > 0 ? "positive" : sign < 0 ? "negative" : "zero"), locale, args));
        }
        for (int i = 0; params.containsKey(Notices.ITEM + i); i++) {
            paragraphs.add(item(prefix, params.get(Notices.ITEM + i), locale, zone, names));
        }
        if (params.containsKey(Notices.MORE)) {
            paragraphs.add(say(prefix + ".more", locale, number(params.get(Notices.MORE))));
        }
        return new Text(first(keys(prefix + ".title", variant), locale, args), List.copyOf(paragraphs),
                action(keys(prefix + ".link", variant), locale, args), Pages.of(kind, params));
    }

    /** The words of the button to the message's page: the kind's own, else the general ones. */
    private String action(List<String> keys, Locale locale, Object[] args) {
        for (String key : keys) {
            String said = messages.getMessage(key, args, null, locale);
            if (said != null) {
                return said;
            }
        }
        return say("mail.link", locale);
    }

    /**
     * A request to confirm time that needs no answer any more, with why ({@code WITHDRAWN},
     * {@code EXPIRED}, {@code CONFIRMED}, {@code DISPUTED}, {@code REJECTED}, {@code RESOLVED}):
     * said instead of the request, so nobody is asked to confirm what cannot be confirmed.
     */
    public Text answered(String because, Map<String, String> params, Locale locale, ZoneId zone,
            Function<String, String> names, String timebankName) {
        Object[] args = args(params, locale, zone, names, timebankName);
        return new Text(say("answered." + because + ".title", locale, args), List.of(say("answered." + because, locale, args)),
                action(List.of("kind.THANK_YOU.link"), locale, args), Pages.of(MessageKind.PLEASE_CONFIRM, params));
    }

    private Object[] args(Map<String, String> params, Locale locale, ZoneId zone, Function<String, String> names,
            String timebankName) {
        String balance = params.get(Notices.BALANCE);
        return new Object[] {
                name(params.get(Notices.OTHER), names, locale),
                duration(params.get(Notices.MINUTES), locale),
                date(params.get(Notices.DATE), locale),
                deadline(params.get(Notices.DEADLINE), zone, locale),
                "", // {4} was a note, {5} a reason: never said since issue 18
                "",
                timebankName,
                name(params.get(Notices.SECOND), names, locale),
                month(params.get(Notices.MONTH), locale),
                duration(params.get(Notices.GIVEN), locale),
                duration(params.get(Notices.RECEIVED), locale),
                number(params.get(Notices.VALIDATED)),
                balance == null ? "" : duration(Long.toString(Math.abs(Long.parseLong(balance))), locale),
                number(params.get(Notices.WAITING)),
                number(params.get(Notices.DISPUTES)),
                ""}; // {15} was what two matched members would do: never said since issue 18
    }

    /** The keys to try, most specific first: the variant's, then the usual. */
    private static List<String> keys(String base, String variant) {
        return variant == null ? List.of(base) : List.of(base + "." + variant, base);
    }

    private String first(List<String> keys, Locale locale, Object[] args) {
        for (String key : keys) {
            String said = messages.getMessage(key, args, null, locale);
            if (said != null) {
                return said;
            }
        }
        return keys.get(keys.size() - 1);
    }

    /** One line of a list: {@code TYPE|giver|receiver|minutes|since}, said with the type's own sentence. */
    private String item(String prefix, String item, Locale locale, ZoneId zone, Function<String, String> names) {
        String[] parts = item.split("\\|", -1);
        String since = parts[4].isEmpty() ? "" : date(Instant.parse(parts[4]).atZone(zone).toLocalDate(), locale);
        // the length is unknown (0) for a dispute whose log came before this service: it is left out
        boolean unknownLength = parts[3].isEmpty() || "0".equals(parts[3]);
        return say(prefix + ".item." + parts[0] + (unknownLength ? ".unknownLength" : ""), locale,
                name(parts[1], names, locale), name(parts[2], names, locale), unknownLength ? "" : duration(parts[3], locale),
                since);
    }

    /** A plain phrase of the catalogue. */
    public String say(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, key, locale);
    }

    /** An instant as a person reads it in the timebank's zone ("Wednesday 9 December at 09:30"). */
    public String when(Instant instant, ZoneId zone, Locale locale) {
        ZonedDateTime at = instant.atZone(zone);
        return DateTimeFormatter.ofPattern(say(at.getDayOfMonth() == 1 ? "format.datetime.first" : "format.datetime", locale),
                locale).format(at);
    }

    /** A day as a person reads it; the first of a month as the language says it ("mardi 1er décembre"). */
    public String date(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofPattern(say(day.getDayOfMonth() == 1 ? "format.date.first" : "format.date", locale),
                locale).format(day);
    }

    private String name(String memberId, Function<String, String> names, Locale locale) {
        if (Notices.ERASED.equals(memberId)) {
            return say("someone.erased", locale);
        }
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

    private static Object number(String count) {
        return count == null ? 0L : Long.parseLong(count);
    }

    private String month(String month, Locale locale) {
        if (month == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern(say("format.month", locale), locale).format(YearMonth.parse(month));
    }

    private String date(String date, Locale locale) {
        if (date == null) {
            return "";
        }
        try {
            return date(LocalDate.parse(date), locale);
        } catch (DateTimeParseException e) {
            return date;
        }
    }

    private String deadline(String instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : when(Instant.parse(instant), zone, locale);
    }

    /**
     * A message in words: a title (the e-mail subject) and short paragraphs; the words of the button
     * to the page that acts on it, and that page's path in the portal ({@code /contributions/<id>}).
     */
    public record Text(String title, List<String> paragraphs, String action, String page) {

        public Text(String title, List<String> paragraphs) {
            this(title, paragraphs, null, null);
        }
    }
}
