package org.reciprocity.notification.preference;

import java.time.LocalTime;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.reciprocity.notification.message.MessageKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** The unique index on the token makes the unsubscribe link a direct lookup. */
@Document("preferences")
record PreferencesDocument(@Id String memberId, String timebankId, Map<String, List<String>> channels,
                           String quietStart, String quietEnd, boolean digest, String language,
                           @Indexed(unique = true, sparse = true) String unsubscribeToken) {

    static PreferencesDocument of(Preferences p) {
        Map<String, List<String>> channels = new TreeMap<>();
        p.channels().forEach((kind, names) -> channels.put(kind.name(), List.copyOf(names)));
        return new PreferencesDocument(p.memberId(), p.timebankId(), channels,
                p.quietHours() == null ? null : p.quietHours().start().toString(),
                p.quietHours() == null ? null : p.quietHours().end().toString(),
                p.digest(), p.language(), p.unsubscribeToken());
    }

    Preferences toPreferences() {
        Map<MessageKind, Set<String>> kinds = new EnumMap<>(MessageKind.class);
        if (channels != null) {
            channels.forEach((kind, names) -> kinds.put(MessageKind.valueOf(kind), new LinkedHashSet<>(names)));
        }
        QuietHours quiet = quietStart == null ? null : new QuietHours(LocalTime.parse(quietStart), LocalTime.parse(quietEnd));
        return new Preferences(memberId, timebankId, kinds, quiet, digest, language, unsubscribeToken);
    }
}
