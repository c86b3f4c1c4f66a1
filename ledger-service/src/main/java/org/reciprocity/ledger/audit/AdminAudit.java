package org.reciprocity.ledger.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.bson.Document;
import org.reciprocity.kit.security.Caller;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What an admin (or coordinator) changed, who and when, kept INSIDE the changed document.
 *
 * <p>Why inside: the store has no multi-document transactions, so a separate audit collection
 * written after the change could miss a record if the process died between the two writes, and an
 * event through the outbox would need a topic and a projection for a few changes a month. Pushed in
 * the same one-document update as the change, the record and the change are written together or
 * not at all. Each document keeps its last {@link #KEPT} records (a bounded history: a policy or an
 * organisation changes a few times a year; the bound stops a document growing without end).
 */
@Component
public class AdminAudit {

    public static final String FIELD = "audit";
    public static final int KEPT = 500;

    private final Clock clock;

    AdminAudit(Clock clock) {
        this.clock = clock;
    }

    /** One change of one setting: what, from, to (as text; minutes as whole numbers). */
    public record Change(String what, String from, String to) {
    }

    /** Adds changes that differ (old and new as text) to the list. */
    public static void compare(List<Change> changes, String what, Object from, Object to) {
        String a = from == null ? "" : String.valueOf(from);
        String b = to == null ? "" : String.valueOf(to);
        if (!Objects.equals(a, b)) {
            changes.add(new Change(what, a, b));
        }
    }

    /** The record, by the caller of this request, now. */
    public Document entry(String action, String subjectId, String subjectName, List<Change> changes) {
        List<Document> details = new ArrayList<>();
        changes.forEach(c -> details.add(new Document("what", c.what()).append("from", c.from()).append("to", c.to())));
        return new Document("id", UUID.randomUUID().toString())
                .append("at", Date.from(clock.instant()))
                .append("by", Caller.current().memberId())
                .append("action", action)
                .append("subjectId", subjectId)
                .append("subjectName", subjectName)
                .append("changes", details);
    }

    /** Adds the record to the update of the change itself, keeping the last {@link #KEPT}. */
    public static Update push(Update update, Document entry) {
        update.push(FIELD).slice(-KEPT).each(entry);
        return update;
    }
}
