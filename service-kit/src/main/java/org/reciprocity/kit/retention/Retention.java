package org.reciprocity.kit.retention;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Applies a service's retention rules and keeps a report of each run in {@value #REPORTS}.
 *
 * <p>One run a day per service, whatever the number of instances: a run starts by inserting that
 * day's report ({@code _id} = service and UTC day); an instance that finds it there already does
 * nothing. The insert is the lock — single-document atomicity is all the store gives, and it is
 * enough. An instance that dies mid-run leaves the day's report unfinished; the next day's run
 * removes what it left, since every rule is "older than", not "between".
 *
 * <p>Documents go in batches of {@value #BATCH}: their {@code _id}s are read with the rule's
 * condition, then removed by {@code _id} with the condition again, so a document that changed in
 * between (a listing reopened) stays, and counts are what the store really removed.
 */
public final class Retention {

    public static final String REPORTS = "retention_reports";
    static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final String service;
    private final RetentionPolicies policies;
    private final QueryMapper mapper;

    public Retention(MongoTemplate mongo, String service) {
        this.mongo = mongo;
        this.service = service;
        this.policies = new RetentionPolicies(mongo);
        this.mapper = new QueryMapper(mongo.getConverter());
    }

    public RetentionPolicies policies() {
        return policies;
    }

    /** Runs the rules at {@code now} unless this service's run for that day is taken; its report if it ran. */
    public Optional<RetentionReport> run(List<? extends RetentionRule> rules, Instant now) {
        String id = service + "/" + now.atZone(ZoneOffset.UTC).toLocalDate();
        MongoCollection<Document> reports = mongo.getCollection(REPORTS);
        try {
            reports.insertOne(new Document("_id", id).append("service", service).append("startedAt", Date.from(now)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
        Map<String, Long> removed = apply(rules, now);
        List<Document> lines = new ArrayList<>();
        removed.forEach((what, count) -> lines.add(new Document("what", what).append("removed", count)));
        reports.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("removed", lines),
                Updates.set("finishedAt", Date.from(now))));
        return Optional.of(new RetentionReport(service, now, now, removed));
    }

    /** The rules applied at {@code now}, without a report: how many documents each removed (or cleared). */
    public Map<String, Long> apply(List<? extends RetentionRule> rules, Instant now) {
        Map<String, RetentionPolicy> set = policies.set();
        Map<String, Long> removed = new LinkedHashMap<>();
        for (RetentionRule rule : rules) {
            long count = 0;
            if (rule.perTimebank()) {
                for (Map.Entry<String, RetentionPolicy> policy : set.entrySet()) {
                    count += sweep(rule, new Criteria().andOperator(Criteria.where("timebankId").is(policy.getKey()),
                            rule.olderThan(now, policy.getValue())));
                }
                count += sweep(rule, new Criteria().andOperator(Criteria.where("timebankId").nin(set.keySet()),
                        rule.olderThan(now, RetentionPolicy.DEFAULTS)));
            } else {
                count += sweep(rule, rule.olderThan(now, RetentionPolicy.DEFAULTS));
            }
            removed.merge(rule.what(), count, Long::sum);
        }
        return removed;
    }

    private long sweep(RetentionRule rule, Criteria condition) {
        MongoCollection<Document> collection = mongo.getCollection(rule.collection());
        Bson filter = mapper.getMappedObject(new Query(condition).getQueryObject(), (MongoPersistentEntity<?>) null);
        if (rule.clears() != null) {
            filter = Filters.and(filter, Filters.exists(rule.clears()));
        }
        long removed = 0;
        while (true) {
            List<Object> ids = new ArrayList<>();
            collection.find(filter).projection(Projections.include("_id")).limit(BATCH).forEach(d -> ids.add(d.get("_id")));
            if (ids.isEmpty()) {
                return removed;
            }
            Bson these = Filters.and(Filters.in("_id", ids), filter);
            removed += rule.clears() == null ? collection.deleteMany(these).getDeletedCount()
                    : collection.updateMany(these, Updates.unset(rule.clears())).getModifiedCount();
            if (ids.size() < BATCH) {
                return removed;
            }
        }
    }

    /** This service's last {@code n} reports, newest first. */
    public List<RetentionReport> last(int n) {
        List<RetentionReport> out = new ArrayList<>();
        for (Document d : mongo.getCollection(REPORTS).find(Filters.eq("service", service))
                .sort(Sorts.descending("_id")).limit(n)) {
            out.add(RetentionReport.of(d));
        }
        return out;
    }
}
