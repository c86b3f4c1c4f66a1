package org.reciprocity.kit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock plus an offset that only grows: a test moves it forward (a day, to the first of
 * next month) and every scheduled job and time-dependent decision of the service sees the new time.
 * It never goes back, so nothing that remembers a time (a deadline, a lease, a delivery's next try)
 * sees time run backwards. Thread-safe: the offset is one atomic reference.
 */
public final class MovableClock extends Clock {

    private final Clock system;
    private final AtomicReference<Duration> offset;

    public MovableClock(Clock system) {
        this(system, new AtomicReference<>(Duration.ZERO));
    }

    private MovableClock(Clock system, AtomicReference<Duration> offset) {
        this.system = system;
        this.offset = offset;
    }

    /** Moves the clock forward by {@code step} (zero or more); the new now. */
    public Instant advanceBy(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward.");
        }
        offset.accumulateAndGet(step, Duration::plus);
        return instant();
    }

    /** Moves the clock forward to {@code moment}; refused if that is earlier than now. The new now. */
    public Instant moveTo(Instant moment) {
        Duration wanted = Duration.between(system.instant(), moment);
        Duration before = offset.getAndUpdate(current -> wanted.compareTo(current) > 0 ? wanted : current);
        if (wanted.compareTo(before) < 0) {
            throw new IllegalArgumentException("The clock only moves forward: it is already " + instant() + ".");
        }
        return instant();
    }

    /** How far ahead of the system clock it is. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    /** The same moving time seen in another zone (it shares the offset). */
    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(system.withZone(zone), offset);
    }
}
