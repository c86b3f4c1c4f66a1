package org.reciprocity.notification.message;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.reciprocity.notification.recipient.Recipient;

/**
 * One message for one member, decided from one event, before any channel. Its parameters hold
 * opaque ids and facts (minutes, dates), not names: names are looked up when the text is shown.
 *
 * @param aboutTheirOwnHours about the recipient's own hours (time to confirm, its reminders and expiry,
 *                           disputes and their outcome): what a paused or suspended member is still told
 */
public record Notice(String sourceEventId, Instant occurredAt, String timebankId, String recipientId,
                     MessageKind kind, Map<String, String> params, boolean aboutTheirOwnHours) {

    public Notice {
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(kind, "kind");
        params = Map.copyOf(params);
    }

    /** The delivery log's key: each (event, recipient, channel) is delivered at most once. */
    public String deliveryId(String channel) {
        return sourceEventId + ":" + recipientId + ":" + channel;
    }

    /** Whether this member is to get it at all; an unknown one only if its kind {@link MessageKind#reachesUnknownAccounts}. */
    public boolean mayReach(Recipient recipient) {
        if (recipient == null) {
            return kind.reachesUnknownAccounts();
        }
        if (recipient.erased()) {
            return false; // issue 18: an erased member is told nothing more
        }
        return !recipient.onlyEssentials() || aboutTheirOwnHours;
    }
}
