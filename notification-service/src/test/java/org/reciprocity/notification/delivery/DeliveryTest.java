package org.reciprocity.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.notification.NotificationDelivered;
import org.reciprocity.contracts.notification.NotificationFailed;
import org.reciprocity.notification.message.MessageKind;
import org.reciprocity.notification.message.Notice;

class DeliveryTest {

    static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z");
    final RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(10), 4);
    final Delivery pending = Delivery.of(new Notice("e-1", NOW, "tb", "ali", MessageKind.PLEASE_CONFIRM, Map.of(), false),
            "EMAIL", false, NOW);

    @Test
    void aSentDeliveryPublishesItsDeliveryOnce() {
        Delivery.Outcome sent = pending.claimed(NOW).sent(NOW);

        assertThat(sent.delivery().status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.event()).isInstanceOfSatisfying(NotificationDelivered.class, e -> {
            assertThat(e.deliveryId()).isEqualTo("e-1:ali:EMAIL");
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(sent.event().eventId()).isEqualTo(pending.claimed(NOW).sent(NOW.plusSeconds(5)).event().eventId());
    }

    @Test
    void aFailedTryWaitsLongerEachTimeThenFailsForGoodWithTheReason() {
        Delivery d = pending;
        Duration[] waits = new Duration[3];
        for (int i = 0; i < 3; i++) {
            Delivery.Outcome outcome = d.claimed(NOW).failed("connection refused", false, NOW, retry);
            assertThat(outcome.event()).isNull();
            d = outcome.delivery();
            assertThat(d.status()).isEqualTo(DeliveryStatus.RETRYING);
            waits[i] = Duration.between(NOW, d.nextAttemptAt());
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));

        Delivery.Outcome last = d.claimed(NOW).failed("connection refused", false, NOW, retry);

        assertThat(last.delivery().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(last.event()).isInstanceOfSatisfying(NotificationFailed.class, e -> {
            assertThat(e.reason()).isEqualTo("connection refused");
            assertThat(e.attempts()).isEqualTo(4);
        });
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        assertThat(pending.claimed(NOW).failed("bad address", true, NOW, retry).delivery().status())
                .isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void theWaitIsCapped() {
        assertThat(retry.delayAfter(10)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aSendInterruptedByACrashIsNotSentAgain() {
        Delivery.Outcome outcome = pending.claimed(NOW).interrupted(NOW.plusSeconds(600));

        assertThat(outcome.delivery().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.delivery().lastError()).contains("not sent again");
    }

    @Test
    void holdingForQuietHoursIsNotATry() {
        Delivery held = pending.heldUntil(NOW.plusSeconds(3600));

        assertThat(held.status()).isEqualTo(DeliveryStatus.HELD);
        assertThat(held.attempts()).isZero();
        assertThat(held.nextAttemptAt()).isEqualTo(NOW.plusSeconds(3600));
    }
}
