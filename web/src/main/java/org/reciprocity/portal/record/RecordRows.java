package org.reciprocity.portal.record;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.reciprocity.portal.words.Dates;
import org.reciprocity.portal.words.Hours;
import org.springframework.context.MessageSource;

/** A record's figures in the reader's words, for its page and its PDF alike. */
public record RecordRows(String who, String period, String total, List<Kind> kinds, List<Line> lines, boolean datesShown) {

    /** The prefixes of the words for a kind of help and for who confirmed it (listed in MessageBundlesTest). */
    static final String KIND = "kind.";
    static final String BY = "record.by.";

    public record Kind(String kind, String time) {
    }

    public record Line(String kind, String time, String day, String validated, String by) {
    }

    static RecordRows of(RecordView view, ZoneId zone, Locale locale, MessageSource messages) {
        String who = view.memberName() != null ? view.memberName() : text(messages, "record.unnamed", locale);
        String period;
        if (view.from() == null && view.to() == null) {
            period = text(messages, "record.period.whole", locale);
        } else {
            period = messages.getMessage("record.period.between", new Object[] {
                    view.from() == null ? "…" : Dates.day(view.from(), locale),
                    view.to() == null ? "…" : Dates.day(view.to(), locale)}, locale);
        }
        List<Kind> kinds = view.minutesByKind().entrySet().stream()
                .map(e -> new Kind(kindName(messages, e.getKey(), locale), Hours.of(e.getValue()))).toList();
        List<Line> lines = view.entries().stream().map(e -> new Line(kindName(messages, e.kind(), locale), Hours.of(e.minutes()),
                e.happenedOn() == null ? null : Dates.day(e.happenedOn(), locale),
                e.validatedAt() == null ? null : Dates.day(e.validatedAt().atZone(zone).toLocalDate(), locale),
                messages.getMessage(BY + e.validatedBy(), null, e.validatedBy(), locale))).toList();
        return new RecordRows(who, period, Hours.of(view.totalMinutes()), kinds, lines, view.showsDates());
    }

    private static String kindName(MessageSource messages, String kind, Locale locale) {
        return messages.getMessage(KIND + kind, null, kind, locale);
    }

    private static String text(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
