package org.reciprocity.portal.profile;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A profile's codes in the reader's words, for the pages ({@code @profileWords}). */
@Component("profileWords")
public class ProfileWords {

    private final MessageSource messages;

    ProfileWords(MessageSource messages) {
        this.messages = messages;
    }

    /** A language by its name in the reader's language ("French", "français"); British Sign Language by its words. */
    public String language(String code) {
        if ("bsl".equals(code)) {
            return text("profile.language.bsl");
        }
        Locale reader = LocaleContextHolder.getLocale();
        String name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
        return name == null || name.isBlank() || name.equals(code) ? code
                : name.substring(0, 1).toUpperCase(reader) + name.substring(1);
    }

    public String languages(Collection<String> codes) {
        return codes.stream().map(this::language).sorted().reduce((a, b) -> a + ", " + b).orElse("");
    }

    public String skills(Collection<String> codes) {
        return String.join(", ", codes.stream().map(c -> known("category." + c, c)).toList());
    }

    public String day(String day) {
        return DayOfWeek.valueOf(day).getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale());
    }

    public List<String> days() {
        return java.util.Arrays.stream(DayOfWeek.values()).map(Enum::name).toList();
    }

    /** Weekly slots in order, read as "Monday morning, Tuesday evening". */
    public String slots(Collection<String> slots) {
        List<String> words = new ArrayList<>();
        for (String slot : ProfileForm.slots()) {
            if (slots.contains(slot)) {
                String[] bits = slot.split("_");
                String part = known("profile.part." + bits[1], bits[1]).toLowerCase(LocaleContextHolder.getLocale());
                words.add(text("profile.slot", day(bits[0]), part));
            }
        }
        return String.join(", ", words);
    }

    public String modes(Collection<String> modes) {
        return String.join(", ", modes.stream().map(m -> known("board.mode." + m, m)).toList());
    }

    public String shared(Collection<String> fields) {
        return String.join(", ", fields.stream().map(f -> known("profile.share." + f, f)).toList());
    }

    /** The languages to offer as boxes: the usual ones, then any other already on the profile. */
    public List<String> languageChoices(Collection<String> chosen) {
        Set<String> all = new LinkedHashSet<>(ProfileForm.LANGUAGES);
        all.addAll(chosen);
        return List.copyOf(all);
    }

    private String known(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
