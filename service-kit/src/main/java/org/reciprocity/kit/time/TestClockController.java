package org.reciprocity.kit.time;

import java.time.Duration;
import java.time.Instant;

import org.reciprocity.kit.problem.Problems;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.security.Role;
import org.reciprocity.kit.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /test/clock} and {@code POST /test/clock} ({@code {"advanceBy":"P1D"}} or
 * {@code {"to":"2026-12-15T09:00:00Z"}}): the service's time, read and moved forward by a test.
 * Exists only when {@code reciprocity.test-clock.enabled} is true ({@link TestClockConfiguration});
 * ADMIN only even then.
 */
@RestController
@RequestMapping(TestClockController.PATH)
public class TestClockController {

    public static final String PATH = "/test/clock";

    private final MovableClock clock;

    TestClockController(MovableClock clock) {
        this.clock = clock;
    }

    @GetMapping
    Now now() {
        requireAdmin();
        return new Now(clock.instant(), clock.offset());
    }

    @PostMapping
    Now move(@RequestBody Move move) {
        requireAdmin();
        if ((move.advanceBy() == null) == (move.to() == null)) {
            throw ApiException.of(Problems.INVALID_VALUE, "detail", "Give exactly one of advanceBy and to.");
        }
        try {
            Instant now = move.to() != null ? clock.moveTo(move.to()) : clock.advanceBy(move.advanceBy());
            return new Now(now, clock.offset());
        } catch (IllegalArgumentException e) {
            throw ApiException.of(Problems.INVALID_VALUE, "detail", e.getMessage());
        }
    }

    /** The access interceptor covers {@code /api/**} only: this endpoint applies its one rule itself. */
    private static void requireAdmin() {
        if (!Caller.current().has(Role.ADMIN)) {
            throw ApiException.of(Problems.NOT_PERMITTED, "action", "MOVE_CLOCK");
        }
    }

    record Move(Duration advanceBy, Instant to) {
    }

    record Now(Instant now, Duration offset) {
    }
}
