package org.reciprocity.notification.delivery;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.access.ReadLog;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.notification.NotificationRefusal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The outbound delivery log of a timebank, for coordinators and admins: who could not be reached, and
 * why. The mail server's answer may quote an address, so it goes to the same people as a recipient.
 */
@RestController
@Validated
@RequestMapping("/api/v1/timebanks/{timebankId}/deliveries")
class DeliveryController {

    private final DeliveryLog deliveries;

    DeliveryController(DeliveryLog deliveries) {
        this.deliveries = deliveries;
    }

    /** Newest first; {@code status=FAILED} lists what needs a person to follow up. */
    @GetMapping
    @Access("READ_DELIVERY_LOG")
    List<DeliveryView> list(@PathVariable String timebankId, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        List<DeliveryView> rows = deliveries.inTimebank(timebankId, status == null ? null : status(status), limit).stream()
                .map(DeliveryView::of).toList();
        // issue 18: the path names nobody, so the look is kept for each member whose deliveries are shown
        ReadLog.alsoRead(rows.stream().map(DeliveryView::recipientId).toList());
        return rows;
    }

    private static DeliveryStatus status(String name) {
        try {
            return DeliveryStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.of(NotificationRefusal.UNKNOWN_DELIVERY_STATUS, "status", name,
                    "statuses", Arrays.stream(DeliveryStatus.values()).map(Enum::name).toList());
        }
    }

    record DeliveryView(String id, String recipientId, String channel, String kind, String status, int attempts,
                        String lastError, Instant occurredAt, Instant nextAttemptAt, Instant sentAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.recipientId(), d.channel(), d.kind().name(), d.status().name(),
                    d.attempts(), d.lastError(), d.occurredAt(), d.nextAttemptAt(), d.sentAt());
        }
    }
}
