package org.reciprocity.portal.settings;

import org.reciprocity.portal.services.Services;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** The settings pages' own calls to notification-service, as the signed-in member (their own preferences only). */
@Component
class SettingsServices {

    private final Services services;

    SettingsServices(Services services) {
        this.services = services;
    }

    NotificationPreferences preferences(String tb) {
        return services.notification().get().uri(Services.TB + "/preferences", tb)
                .retrieve().body(NotificationPreferences.class);
    }

    /** Replaces the preferences; notification-service changes nothing when it refuses them. */
    NotificationPreferences save(String tb, NotificationPreferences preferences) {
        return services.notification().put().uri(Services.TB + "/preferences", tb)
                .contentType(MediaType.APPLICATION_JSON).body(preferences.request())
                .retrieve().body(NotificationPreferences.class);
    }
}
