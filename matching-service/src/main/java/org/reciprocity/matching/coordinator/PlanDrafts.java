package org.reciprocity.matching.coordinator;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ArrayOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The plans waiting for review, in brief and in memory: the coordinator's queue shows them on every
 * page. Reading them from the store on each page read every plan whole: the embedded store scans the
 * collection whatever the query, and a plan of 2,000 proposals is about 1.7 MB (two drafts cost the
 * queue 0.3–0.6 s on a busy machine; docs/benchmarks/coordinator.md). This instance updates the
 * briefs when it drafts or sends a plan; a periodic reload picks up other instances' plans.
 */
@Component
class PlanDrafts {

    private static final Logger log = LoggerFactory.getLogger(PlanDrafts.class);

    /** A draft as the queue shows it: no proposals, only how many. */
    record Draft(String id, String timebankId, Instant createdAt, int proposals, long total, long greedyTotal) {
    }

    private final MongoTemplate mongo;
    private final Map<String, Draft> drafts = new ConcurrentHashMap<>();

    PlanDrafts(MongoTemplate mongo) {
        this.mongo = mongo;
        reload();
    }

    void drafted(Plans.PlanDocument plan) {
        drafts.put(plan.id(), new Draft(plan.id(), plan.timebankId(), plan.createdAt(), plan.proposals().size(),
                plan.total(), plan.greedyTotal()));
    }

    void sent(String planId) {
        drafts.remove(planId);
    }

    /** The timebank's drafts, oldest first. */
    List<Draft> of(String timebankId) {
        return drafts.values().stream().filter(d -> d.timebankId().equals(timebankId))
                .sorted(Comparator.comparing(Draft::createdAt)).toList();
    }

    /** Re-reads the drafts' briefs; the store counts the proposals, so no plan comes back whole. */
    @Scheduled(fixedDelayString = "${reciprocity.matching.board-refresh:5m}", initialDelayString = "${reciprocity.matching.board-refresh:5m}")
    void reload() {
        Aggregation briefs = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("status").is(Plans.Status.DRAFT.name())),
                Aggregation.project("timebankId", "createdAt", "total", "greedyTotal")
                        .and(ArrayOperators.Size.lengthOfArray("proposals")).as("proposals"));
        Map<String, Draft> fresh = new ConcurrentHashMap<>();
        for (Document d : mongo.aggregate(briefs, Plans.COLLECTION, Document.class)) {
            fresh.put(d.getString("_id"), new Draft(d.getString("_id"), d.getString("timebankId"),
                    d.getDate("createdAt").toInstant(), ((Number) d.get("proposals")).intValue(),
                    ((Number) d.get("total")).longValue(), ((Number) d.get("greedyTotal")).longValue()));
        }
        drafts.keySet().retainAll(fresh.keySet());
        drafts.putAll(fresh);
        log.info("{} plan drafts waiting for review", fresh.size());
    }
}
