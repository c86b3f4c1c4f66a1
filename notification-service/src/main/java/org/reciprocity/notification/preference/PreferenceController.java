package org.reciprocity.notification.preference;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.notification.NotificationRefusal;
import org.reciprocity.notification.delivery.OutboundChannel;
import org.reciprocity.notification.message.MessageKind;
import org.reciprocity.notification.message.Texts;
import org.reciprocity.notification.recipient.Recipients;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The signed-in member's own notification preferences in this timebank. */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/preferences")
class PreferenceController {

    private static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d";

    private final PreferenceStore store;
    private final Recipients recipients;
    private final Set<String> channelNames = new TreeSet<>();

    PreferenceController(PreferenceStore store, Recipients recipients, List<OutboundChannel> channels) {
        this.store = store;
        this.recipients = recipients;
        channelNames.add(Preferences.INBOX);
        channels.forEach(c -> channelNames.add(c.name()));
    }

    @GetMapping
    @Access("READ_OWN_PREFERENCES")
    PreferencesView get(@PathVariable String timebankId) {
        return view(store.of(Caller.current().memberId(), timebankId), timebankId);
    }

    /** Replaces the preferences; kinds left out keep the default (inbox and e-mail). Invalid input changes nothing. */
    @PutMapping
    @Access("CHANGE_OWN_PREFERENCES")
    PreferencesView put(@PathVariable String timebankId, @Valid @RequestBody PreferencesRequest request) {
        Map<MessageKind, Set<String>> channels = new EnumMap<>(MessageKind.class);
        request.channels().forEach((kind, names) -> channels.put(kind(kind), channels(names)));
        QuietHours quiet = request.quietHours() == null ? null : quietHours(request.quietHours());
        if (request.language() != null && !Texts.LANGUAGES.contains(request.language())) {
            throw ApiException.of(NotificationRefusal.UNKNOWN_LANGUAGE, "language", request.language(),
                    "languages", List.copyOf(new TreeSet<>(Texts.LANGUAGES)));
        }
        Preferences current = store.of(Caller.current().memberId(), timebankId);
        Preferences changed = current.changedTo(channels, quiet, request.digest(), request.language());
        store.save(changed);
        return view(changed, timebankId);
    }

    private PreferencesView view(Preferences p, String timebankId) {
        Map<String, List<String>> channels = new TreeMap<>();
        for (MessageKind kind : MessageKind.values()) {
            channels.put(kind.name(), List.copyOf(new TreeSet<>(p.channelsFor(kind))));
        }
        QuietHoursBody quiet = p.quietHours() == null ? null
                : new QuietHoursBody(p.quietHours().start().toString(), p.quietHours().end().toString());
        return new PreferencesView(channels, quiet, p.digest(), p.language(),
                recipients.timebank(timebankId).zone().getId(), List.copyOf(channelNames));
    }

    private static MessageKind kind(String name) {
        try {
            return MessageKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.of(NotificationRefusal.UNKNOWN_MESSAGE_KIND, "kind", name,
                    "kinds", Arrays.stream(MessageKind.values()).map(Enum::name).toList());
        }
    }

    private Set<String> channels(List<String> names) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : names == null ? List.<String>of() : names) {
            if (!channelNames.contains(name)) {
                throw ApiException.of(NotificationRefusal.UNKNOWN_CHANNEL, "channel", name,
                        "channels", List.copyOf(channelNames));
            }
            chosen.add(name);
        }
        return chosen;
    }

    private static QuietHours quietHours(QuietHoursBody body) {
        LocalTime start = time(body.start());
        LocalTime end = time(body.end());
        try {
            return new QuietHours(start, end);
        } catch (IllegalArgumentException sameTimes) { // the one rule QuietHours keeps
            throw ApiException.of(NotificationRefusal.QUIET_HOURS_EMPTY, "start", body.start(), "end", body.end());
        }
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiException.of(NotificationRefusal.QUIET_HOURS_NOT_TIMES, "time", String.valueOf(text));
        }
    }

    /**
     * @param channels   for each kind of message, the channels wanted ({@code INBOX}, {@code EMAIL}); an empty
     *                   list means none
     * @param quietHours no e-mail between these times, in the timebank's zone; {@code null} for none
     * @param digest     one e-mail a day instead of one per message
     * @param language   {@code en} or {@code fr}; {@code null} to follow the language registered with
     */
    record PreferencesRequest(
            @NotNull @Size(max = 50) Map<@Size(max = 100) String, @Size(max = 10) List<@Size(max = 40) String>> channels,
            @Valid QuietHoursBody quietHours, boolean digest, @Size(max = 35) String language) {
    }

    record QuietHoursBody(@NotNull @Pattern(regexp = TIME, message = "must be a time like 22:00") String start,
                          @NotNull @Pattern(regexp = TIME, message = "must be a time like 07:00") String end) {
    }

    record PreferencesView(Map<String, List<String>> channels, QuietHoursBody quietHours, boolean digest,
                           String language, String timeZone, List<String> availableChannels) {
    }
}
