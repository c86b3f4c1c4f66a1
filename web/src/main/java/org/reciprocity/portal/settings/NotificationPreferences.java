package org.reciprocity.portal.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * notification-service's preferences of the signed-in member, as its {@code GET preferences} answers:
 * for each kind of message its channels, quiet hours (or none), one e-mail a day, the language
 * ({@code null}: the one registered with), and, read only, the timebank's zone and the channels there are.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotificationPreferences(Map<String, List<String>> channels, QuietHours quietHours, boolean digest,
                                      String language, String timeZone, List<String> availableChannels) {

    public NotificationPreferences {
        channels = channels == null ? Map.of() : channels;
        availableChannels = availableChannels == null ? List.of("INBOX", "EMAIL") : availableChannels;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QuietHours(String start, String end) {
    }

    public boolean wants(String kind, String channel) {
        return channels.getOrDefault(kind, List.of("INBOX", "EMAIL")).contains(channel);
    }

    /** The body of {@code PUT preferences}: the whole of it, as the PUT replaces it (kinds left out would reset). */
    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channels", channels);
        body.put("quietHours", quietHours);
        body.put("digest", digest);
        body.put("language", language);
        return body;
    }

    NotificationPreferences withLanguage(String chosen) {
        return new NotificationPreferences(channels, quietHours, digest, chosen, timeZone, availableChannels);
    }
}
