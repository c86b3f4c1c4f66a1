package org.reciprocity.kit.health;

import org.reciprocity.kit.outbox.ParkedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health component {@code parkedEvents}: how many events the broker refused for good wait in
 * {@code parked_events}, the oldest and the newest. Always UP when it can count: a parked event
 * needs a person, not a restart, and the service still serves every request, so it must not take
 * an instance out of the load balancer (DOWN or OUT_OF_SERVICE would, on every instance at once,
 * since they share the collection). A custom status such as WARNING would need every service's
 * status order and HTTP mapping configured, and is left out of the aggregate without them. So the
 * signal is the details (ADMIN sees them; monitoring alerts on {@code count > 0}) and the ERROR
 * logged once per parked event. UNKNOWN when the collection cannot be read, which the MongoDB
 * component reports as DOWN already.
 */
public class ParkedEventsHealthIndicator implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventsHealthIndicator.class);

    private final ParkedEvents parked;

    public ParkedEventsHealthIndicator(ParkedEvents parked) {
        this.parked = parked;
    }

    @Override
    public Health health() {
        ParkedEvents.Summary summary;
        try {
            summary = parked.summary();
        } catch (RuntimeException e) {
            log.warn("could not count the parked events: {}", e.getMessage());
            return Health.unknown().withDetail("error", e.getClass().getSimpleName()).build();
        }
        Health.Builder health = Health.up().withDetail("count", summary.count());
        summary.oldest().ifPresent(at -> health.withDetail("oldest", at.toString()));
        summary.newest().ifPresent(at -> health.withDetail("newest", at.toString()));
        if (summary.count() > 0) {
            health.withDetail("whatToDo", "Events the broker refused for good wait in " + ParkedEvents.COLLECTION
                    + " and consumers have not seen them: see the ERROR log, GET .../admin/parked-events, and "
                    + "docs/architecture.md, 'Events that cannot be published'");
        }
        return health.build();
    }
}
