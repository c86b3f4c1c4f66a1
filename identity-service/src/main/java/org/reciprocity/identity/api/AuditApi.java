package org.reciprocity.identity.api;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.reciprocity.identity.account.Accounts;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who changed whose roles, and when, newest first: read from the records each account keeps of its
 * role changes (written with the change, {@link Accounts#setRoles}). For the timebank's admins only.
 */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/audit")
class AuditApi {

    static final int MOST = 1000;
    private final MongoTemplate mongo;

    AuditApi(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Change(String what, String from, String to) {
    }

    record Entry(String id, Instant at, String by, String action, String subjectId, List<Change> changes) {
    }

    record AuditPage(int total, List<Entry> entries) {
    }

    @GetMapping
    AuditPage read(@PathVariable String timebankId, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal Jwt caller) {
        if (!timebankId.equals(caller.getClaimAsString("timebank_id"))) {
            throw new Refused(ApiRefusal.NOT_PERMITTED);
        }
        List<String> roles = caller.getClaimAsStringList("roles");
        if (roles == null || roles.stream().noneMatch(Set.of("ADMIN")::contains)) {
            throw new Refused(ApiRefusal.NOT_PERMITTED);
        }
        int pageSize = Math.max(1, Math.min(size, MOST));
        int from = Math.max(0, page) * pageSize;
        Query audited = Query.query(where("timebankId").is(timebankId).and(Accounts.AUDIT).exists(true));
        audited.fields().include(Accounts.AUDIT).include("memberId");
        List<Entry> all = new ArrayList<>();
        for (Document account : mongo.find(audited, Document.class, Accounts.COLLECTION)) {
            for (Document d : account.getList(Accounts.AUDIT, Document.class, List.of())) {
                List<Change> changes = d.getList("changes", Document.class, List.of()).stream()
                        .map(c -> new Change(c.getString("what"), c.getString("from"), c.getString("to"))).toList();
                all.add(new Entry(d.getString("id"), ((Date) d.get("at")).toInstant(), d.getString("by"),
                        d.getString("action"), account.getString("memberId"), changes));
            }
        }
        all.sort(Comparator.comparing(Entry::at).reversed().thenComparing(Entry::id));
        List<Entry> shown = from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + pageSize));
        return new AuditPage(all.size(), shown);
    }
}
