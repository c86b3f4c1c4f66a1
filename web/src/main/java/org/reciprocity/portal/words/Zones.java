package org.reciprocity.portal.words;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reciprocity.portal.PortalSettings;
import org.reciprocity.portal.services.Services;
import org.springframework.stereotype.Component;

/** Each timebank's zone, from the ledger (asked once per timebank), so dates read as the timebank lives them. */
@Component
public class Zones {

    private final Services services;
    private final ZoneId fallback;
    private final Map<String, ZoneId> known = new ConcurrentHashMap<>();

    public Zones(Services services, PortalSettings settings) {
        this.services = services;
        this.fallback = ZoneId.of(settings.defaultZone() == null ? "Europe/London" : settings.defaultZone());
    }

    public ZoneId of(String timebankId) {
        ZoneId zone = known.get(timebankId);
        if (zone != null) {
            return zone;
        }
        try {
            zone = ZoneId.of(services.timebank(timebankId).zoneId());
            known.put(timebankId, zone);
            return zone;
        } catch (RuntimeException unknown) {
            // the ledger is away or names no zone: the setting, until it answers
            return fallback;
        }
    }
}
