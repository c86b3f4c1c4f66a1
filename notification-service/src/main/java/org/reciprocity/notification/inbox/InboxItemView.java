package org.reciprocity.notification.inbox;

import java.time.Instant;
import java.util.List;

/**
 * An inbox item as the portal shows it, in the reader's language.
 *
 * @param occurredAt when it happened, UTC
 * @param shownAt    the same moment in the timebank's zone, in words
 * @param closedBecause for a request to confirm time that needs no answer any more, why: {@code WITHDRAWN},
 *                      {@code EXPIRED}, {@code CONFIRMED}, {@code DISPUTED}, {@code REJECTED} or
 *                      {@code RESOLVED} (its words then say so instead of asking); {@code null} otherwise
 */
public record InboxItemView(String id, String kind, String title, List<String> paragraphs, Instant occurredAt,
                            String shownAt, boolean read, String closedBecause) {
}
