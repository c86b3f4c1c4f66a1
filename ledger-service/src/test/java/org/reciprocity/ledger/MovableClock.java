package org.reciprocity.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The real time plus an offset a test can set: time keeps passing, from wherever the test put it. */
public final class MovableClock extends Clock {

    /**
     * The kit's outbox relay keeps the system clock: tests that move this one also scan outboxes
     * every second, so a scan is due when a test runs the sweep (same properties: same context).
     */
    public static final String QUICK_OUTBOX_SCANS = "reciprocity.outbox.scan-interval=1s";

    private volatile Duration offset = Duration.ZERO;

    public void moveTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the ledger works in UTC");
    }

    /** Import it into a test to give the whole service this clock (the tests importing it share one context). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
