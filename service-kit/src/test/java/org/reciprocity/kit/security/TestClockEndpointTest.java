package org.reciprocity.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reciprocity.kit.time.MovableClock;
import org.reciprocity.kit.time.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code /test/clock} exists only where a test turned the movable clock on, and even there only an
 * admin moves it; elsewhere the path is a 404 problem detail like any unknown one.
 */
class TestClockEndpointTest {

    static FakeIssuer issuer;
    static KitApp withTestClock;
    static KitApp withoutTestClock;

    @BeforeAll
    static void start() {
        issuer = FakeIssuer.start(FakeIssuer.Mode.ANSWERS);
        List<String> enabled = new ArrayList<>(issuer.properties());
        enabled.add(TestClockConfiguration.ENABLED + "=true");
        withTestClock = KitApp.start(enabled, Clocks.class);
        withoutTestClock = KitApp.start(issuer.properties(), Clocks.class);
    }

    @AfterAll
    static void stop() {
        withTestClock.close();
        withoutTestClock.close();
        issuer.close();
    }

    @Test
    void anAdminMovesTheServicesClockForwardAndEveryReaderOfItSeesTheNewTime() {
        String admin = issuer.token("admin-1", "tb-1", "ADMIN");
        Instant before = withTestClock.bean(Clock.class).instant();
        Duration offsetBefore = ((MovableClock) withTestClock.bean(Clock.class)).offset();

        KitApp.Answer moved = withTestClock.post("/test/clock", admin, "{\"advanceBy\":\"P1D\"}");

        assertThat(moved.status()).isEqualTo(200);
        Instant now = Instant.parse(moved.json().path("now").asString());
        assertThat(Duration.between(before, now)).isBetween(Duration.ofDays(1), Duration.ofDays(1).plusMinutes(1));
        assertThat(withTestClock.bean(Clock.class).instant()).isAfterOrEqualTo(now);
        assertThat(Duration.parse(withTestClock.get("/test/clock", admin).json().path("offset").asString()))
                .isEqualTo(offsetBefore.plusDays(1));
    }

    @Test
    void itMovesToAGivenMomentButNeverBack() {
        String admin = issuer.token("admin-1", "tb-1", "ADMIN");
        Instant later = withTestClock.bean(Clock.class).instant().plus(Duration.ofDays(40));

        assertThat(withTestClock.post("/test/clock", admin, "{\"to\":\"" + later + "\"}").status()).isEqualTo(200);
        KitApp.Answer back = withTestClock.post("/test/clock", admin, "{\"to\":\"2020-01-01T00:00:00Z\"}");

        assertThat(back.status()).isEqualTo(400);
        assertThat(back.code()).isEqualTo("invalid-value");
    }

    @Test
    void onlyAnAdminMovesIt() {
        KitApp.Answer asCoordinator = withTestClock.post("/test/clock", issuer.token("c-1", "tb-1", "COORDINATOR", "STAFF"),
                "{\"advanceBy\":\"P1D\"}");
        KitApp.Answer anonymous = withTestClock.post("/test/clock", null, "{\"advanceBy\":\"P1D\"}");

        assertThat(asCoordinator.status()).isEqualTo(403);
        assertThat(asCoordinator.code()).isEqualTo("not-permitted");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void withoutTheTestPropertyThePathDoesNotExistAndTheClockIsTheSystemsOwn() {
        KitApp.Answer answer = withoutTestClock.post("/test/clock", issuer.token("admin-1", "tb-1", "ADMIN"),
                "{\"advanceBy\":\"P1D\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("no-such-page");
        assertThat(withoutTestClock.bean(Clock.class)).isNotInstanceOf(MovableClock.class);
    }

    /** The kit's choice of clock, as MessagingConfiguration makes it, without Kafka. */
    @Configuration(proxyBeanMethods = false)
    @Import(TestClockConfiguration.class)
    static class Clocks {
        @Bean
        Clock clock(@Value("${" + TestClockConfiguration.ENABLED + ":false}") boolean movable) {
            return movable ? new MovableClock(Clock.systemUTC()) : Clock.systemUTC();
        }
    }
}
