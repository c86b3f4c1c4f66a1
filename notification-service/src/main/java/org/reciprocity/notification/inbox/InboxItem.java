package org.reciprocity.notification.inbox;

import java.time.Instant;
import java.util.Map;

import org.reciprocity.notification.message.MessageKind;

/**
 * A message in a member's in-app inbox. Its id is the delivery key (event, member, {@code INBOX}).
 *
 * @param closedBecause for a request to confirm time that needs no answer any more, why (see
 *                      {@code Notices.answered}); {@code null} otherwise
 */
public record InboxItem(String id, String timebankId, String memberId, MessageKind kind, Map<String, String> params,
                        String sourceEventId, Instant occurredAt, Instant deliveredAt, Instant readAt,
                        String closedBecause) {

    public boolean read() {
        return readAt != null;
    }
}
