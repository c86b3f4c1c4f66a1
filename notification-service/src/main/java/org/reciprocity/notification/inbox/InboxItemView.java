package org.reciprocity.notification.inbox;

import java.time.Instant;
import java.util.List;

/**
 * An inbox item as the portal shows it, in the reader's language.
 *
 * @param occurredAt when it happened, UTC
 * @param shownAt    the same moment in the timebank's zone, in words
 */
public record InboxItemView(String id, String kind, String title, List<String> paragraphs, Instant occurredAt,
                            String shownAt, boolean read) {
}
