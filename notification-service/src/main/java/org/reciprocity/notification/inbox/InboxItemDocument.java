package org.reciprocity.notification.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.notification.message.MessageKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An inbox item is its own delivery-log entry for the {@code INBOX} channel: inserting it under the
 * delivery key is what makes it at most once. It is also its own pending {@code NotificationDelivered}
 * (see {@code InboxAnnouncements}); {@code outbox} is only found in items written by earlier versions,
 * which the kit's outbox sweep still publishes.
 */
@Document("inbox_items")
record InboxItemDocument(@Id String id, String timebankId, String memberId, String kind, Map<String, String> params,
                         String sourceEventId, Instant occurredAt, Instant deliveredAt, Instant readAt,
                         List<OutboxEntry> outbox, String closedBecause) {

    InboxItem toItem() {
        return new InboxItem(id, timebankId, memberId, MessageKind.valueOf(kind), params, sourceEventId, occurredAt,
                deliveredAt, readAt, closedBecause);
    }
}
