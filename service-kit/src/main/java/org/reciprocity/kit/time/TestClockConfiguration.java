package org.reciprocity.kit.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.log.LogAccessor;

/**
 * Time as an input of the tests: with {@code reciprocity.test-clock.enabled=true}
 * ({@code RECIPROCITY_TEST_CLOCK_ENABLED}) the service's one {@link Clock} is a {@link MovableClock}
 * and {@code /test/clock} moves it. Without it the path does not exist (404), so a service in
 * production cannot be told what time it is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = TestClockConfiguration.ENABLED, havingValue = "true")
public class TestClockConfiguration {

    public static final String ENABLED = "reciprocity.test-clock.enabled";

    private static final LogAccessor LOG = new LogAccessor(TestClockConfiguration.class);

    @Bean
    TestClockController testClockController(Clock clock) {
        if (!(clock instanceof MovableClock movable)) {
            throw new IllegalStateException(ENABLED + " is true but the service's Clock is a " + clock.getClass().getName()
                    + ", not the movable one");
        }
        LOG.warn(() -> "TEST CLOCK ENABLED (" + ENABLED + "=true): anyone with an ADMIN token can move this service's"
                + " time forward through POST " + TestClockController.PATH + ". Never in production.");
        return new TestClockController(movable);
    }
}
