package org.reciprocity.ledger.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.reciprocity.kit.access.Access;
import org.reciprocity.ledger.timebank.Timebanks;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The changes made to the timebank's policy and organisations (their names, offers and staff),
 * newest first, with who made them and when: read from the histories the changed documents keep
 * ({@link AdminAudit}). A timebank has one policy and a handful of organisations, so they are read whole.
 */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/audit")
class AuditController {

    static final int MOST = 1000;
    private final MongoTemplate mongo;
    private final Timebanks timebanks;

    AuditController(MongoTemplate mongo, Timebanks timebanks) {
        this.mongo = mongo;
        this.timebanks = timebanks;
    }

    @Access("READ_ADMIN_AUDIT")
    @GetMapping
    AuditPage read(@PathVariable String timebankId, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "20") int size) {
        timebanks.require(timebankId);
        int pageSize = Math.max(1, Math.min(size, MOST));
        int from = Math.max(0, page) * pageSize;
        List<Entry> all = new ArrayList<>();
        Query audited = Query.query(Criteria.where("_id").is(timebankId));
        audited.fields().include(AdminAudit.FIELD);
        mongo.find(audited, Document.class, "timebanks").forEach(d -> collect(d, all));
        Query organisations = Query.query(Criteria.where("timebankId").is(timebankId));
        organisations.fields().include(AdminAudit.FIELD);
        mongo.find(organisations, Document.class, "organisations").forEach(d -> collect(d, all));
        all.sort(Comparator.comparing(Entry::at).reversed().thenComparing(Entry::id));
        List<Entry> shown = from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + pageSize));
        return new AuditPage(all.size(), shown);
    }

    private static void collect(Document holder, List<Entry> into) {
        for (Document d : holder.getList(AdminAudit.FIELD, Document.class, List.of())) {
            List<AdminAudit.Change> changes = d.getList("changes", Document.class, List.of()).stream()
                    .map(c -> new AdminAudit.Change(c.getString("what"), c.getString("from"), c.getString("to"))).toList();
            Object at = d.get("at");
            Instant when = at instanceof Date date ? date.toInstant() : Instant.parse(String.valueOf(at));
            into.add(new Entry(d.getString("id"), when, d.getString("by"), d.getString("action"), d.getString("subjectId"),
                    d.getString("subjectName"), changes));
        }
    }

    /** Changes are settings' names with their old and new values (minutes as whole numbers). */
    record Entry(String id, Instant at, String by, String action, String subjectId, String subjectName,
                 List<AdminAudit.Change> changes) {
    }

    record AuditPage(int total, List<Entry> entries) {
    }
}
