package org.reciprocity.notification.preference;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.reciprocity.notification.message.MessageKind;

/**
 * How a member wants to be told: which channels for each kind of message (by default the inbox
 * and e-mail), quiet hours, a daily digest instead of single e-mails, their language ({@code null}:
 * the one they registered with) and the secret of their one-click unsubscribe link.
 */
public record Preferences(String memberId, String timebankId, Map<MessageKind, Set<String>> channels,
                          QuietHours quietHours, boolean digest, String language, String unsubscribeToken) {

    public static final String INBOX = "INBOX";
    public static final String EMAIL = "EMAIL";
    public static final Set<String> DEFAULT_CHANNELS = Set.of(INBOX, EMAIL);

    public Preferences {
        channels = channels == null || channels.isEmpty() ? Map.of() : Map.copyOf(channels);
    }

    public static Preferences defaults(String memberId, String timebankId, String unsubscribeToken) {
        return new Preferences(memberId, timebankId, Map.of(), null, false, null, unsubscribeToken);
    }

    public Set<String> channelsFor(MessageKind kind) {
        return channels.getOrDefault(kind, DEFAULT_CHANNELS);
    }

    public boolean quietAt(Instant instant, ZoneId zone) {
        return quietHours != null && quietHours.contains(instant, zone);
    }

    public Preferences changedTo(Map<MessageKind, Set<String>> channels, QuietHours quietHours, boolean digest,
            String language) {
        return new Preferences(memberId, timebankId, channels, quietHours, digest, language, unsubscribeToken);
    }
}
