package org.reciprocity.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.notification.NotificationDelivered;
import org.reciprocity.contracts.notification.NotificationFailed;
import org.reciprocity.notification.message.MessageKind;
import org.reciprocity.notification.message.Notice;

/**
 * One message to one member on one outbound channel (e-mail; SMS would be another). Its id is the
 * delivery log's unique key (source event, recipient, channel): a redelivered event finds it there
 * and adds nothing. Each transition returns the next state and, when final, the audit event.
 */
public record Delivery(String id, String timebankId, String recipientId, String channel, MessageKind kind,
                       Map<String, String> params, String sourceEventId, Instant occurredAt, DeliveryStatus status,
                       boolean digest, int attempts, Instant nextAttemptAt, Instant claimedAt, String lastError,
                       Instant sentAt) {

    public Delivery {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** A new delivery, due at {@code dueAt} (now, or the next digest time). */
    public static Delivery of(Notice notice, String channel, boolean digest, Instant dueAt) {
        return new Delivery(notice.deliveryId(channel), notice.timebankId(), notice.recipientId(), channel,
                notice.kind(), notice.params(), notice.sourceEventId(), notice.occurredAt(),
                digest ? DeliveryStatus.HELD : DeliveryStatus.PENDING, digest, 0, dueAt, null, null, null);
    }

    /** Taken by one sender; the try counts from here, so a crash mid-send is never retried blindly. */
    public Delivery claimed(Instant now) {
        return with(DeliveryStatus.SENDING, attempts + 1, nextAttemptAt, now, lastError, null);
    }

    /** Waits (quiet hours) until {@code until}; holding is not a try. */
    public Delivery heldUntil(Instant until) {
        return with(DeliveryStatus.HELD, attempts, until, claimedAt, lastError, null);
    }

    public Outcome sent(Instant now) {
        Delivery sent = with(DeliveryStatus.SENT, attempts, null, claimedAt, lastError, now);
        return new Outcome(sent, new NotificationDelivered(eventId("delivered"), now, timebankId, recipientId, id,
                channel, kind.name(), sourceEventId, attempts));
    }

    /** A try failed: wait and retry, unless the failure is permanent or the tries are used up. */
    public Outcome failed(String reason, boolean permanent, Instant now, RetryPolicy retry) {
        if (permanent || retry.exhaustedAfter(attempts)) {
            return finallyFailed(reason, now);
        }
        return new Outcome(with(DeliveryStatus.RETRYING, attempts, now.plus(retry.delayAfter(attempts)), claimedAt,
                reason, null), null);
    }

    /** Not to be sent after all (the member turned the channel off since): final, and no failure. */
    public Delivery cancelled(String reason) {
        return with(DeliveryStatus.CANCELLED, attempts, null, claimedAt, reason, null);
    }

    /**
     * Left SENDING by an instance that stopped: the message may or may not have gone out. At most
     * once means it is not sent again; it is marked FAILED so a person can see and follow up.
     */
    public Outcome interrupted(Instant now) {
        return finallyFailed("interrupted while sending (the service stopped); not sent again, so it cannot arrive twice",
                now);
    }

    private Outcome finallyFailed(String reason, Instant now) {
        Delivery failed = with(DeliveryStatus.FAILED, attempts, null, claimedAt, reason, null);
        return new Outcome(failed, new NotificationFailed(eventId("failed"), now, timebankId, recipientId, id, channel,
                kind.name(), sourceEventId, attempts, reason));
    }

    /** Derived from the delivery id, so re-publishing the same outcome carries the same event id. */
    private UUID eventId(String outcome) {
        return UUID.nameUUIDFromBytes((id + ":" + outcome).getBytes(StandardCharsets.UTF_8));
    }

    private Delivery with(DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant claimedAt,
            String lastError, Instant sentAt) {
        return new Delivery(id, timebankId, recipientId, channel, kind, params, sourceEventId, occurredAt, status,
                digest, attempts, nextAttemptAt, claimedAt, lastError, sentAt);
    }

    /** A new state and the event to publish with it, if any. */
    public record Outcome(Delivery delivery, DomainEvent event) {
    }
}
