package org.reciprocity.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The real time plus an offset a test can set, forwards or back: time keeps passing, from wherever
 * the test put it. For a service's own integration tests, which share one context and put the clock
 * back after each test; the platform's tests move the services' clocks with the kit's forward-only
 * {@code org.reciprocity.kit.time.MovableClock} instead.
 */
public final class TestClock extends Clock {

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
        throw new UnsupportedOperationException("the services work in UTC");
    }

    /** Import it into a test to give the whole service this clock (the tests importing it share one context). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
