package org.reciprocity.ledger.retention;

import java.time.Clock;
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
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.reciprocity.kit.retention.Retention;
import org.reciprocity.kit.retention.RetentionReport;
import org.reciprocity.kit.retention.RetentionReportsController;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.ledger.erasure.ErasureRefusal;
import org.reciprocity.ledger.erasure.MemberErasure;
import org.reciprocity.ledger.member.MemberStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.log.LogAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Once a day, erases the members who left longer ago than their timebank's {@code leftMembersDays}
 * ({@link LeftMemberRule}) through {@link MemberErasure}, as an admin would, with {@code by = "retention"};
 * the other services follow through {@code MemberErased}. A member with a contribution still open is
 * not erased yet: counted as waiting, tried again the next day.
 *
 * <p>One run a day, whatever the number of instances, like the other services' retention jobs: a run
 * starts by inserting that day's report ({@code retention_reports}, {@code _id} = service/UTC day, the
 * kit's document shape, read back by the kit's {@link Retention} and {@link RetentionReportsController});
 * an instance that finds it there does nothing. Counts only, never whose.
 *
 * <p>Members are read per timebank by {@code timebankId} and {@code status} (a scan of the timebank's
 * members in the embedded store; at most a few thousand a timebank), only {@code status} and
 * {@code statusChangedAt}; the rule decides.
 */
@Configuration(proxyBeanMethods = false)
@Import(RetentionReportsController.class)
public class LeftMembersRetention {

    private static final LogAccessor LOG = new LogAccessor(LeftMembersRetention.class);
    static final String BY = "retention";
    static final String ERASED = "left-members-erased";
    static final String WAITING = "left-members-waiting";
    /** Erasures that failed for another reason (logged with the member's id); tried again the next day. */
    static final String FAILED = "left-members-failed";

    private final MongoTemplate mongo;
    private final MemberErasure erasure;
    private final Clock clock;
    private final String service;
    private final Retention retention;

    LeftMembersRetention(MongoTemplate mongo, MemberErasure erasure, Clock clock,
                         @Value("${spring.application.name:ledger-service}") String service) {
        this.mongo = mongo;
        this.erasure = erasure;
        this.clock = clock;
        this.service = service;
        this.retention = new Retention(mongo, service);
    }

    /** The kit's reader of this service's reports, for its reports endpoint. */
    @Bean
    Retention retention() {
        return retention;
    }

    @Scheduled(cron = "${reciprocity.retention.cron:0 17 3 * * *}", zone = "UTC")
    public void daily() {
        runAt(clock.instant());
    }

    /** The day's run as at {@code now}, unless that day's run is taken; its report if it ran. */
    Optional<RetentionReport> runAt(Instant now) {
        String id = service + "/" + now.atZone(ZoneOffset.UTC).toLocalDate();
        MongoCollection<Document> reports = mongo.getCollection(Retention.REPORTS);
        try {
            reports.insertOne(new Document("_id", id).append("service", service).append("startedAt", Date.from(now)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
        Map<String, Long> counts = apply(now);
        List<Document> lines = new ArrayList<>();
        counts.forEach((what, count) -> lines.add(new Document("what", what).append("removed", count)));
        reports.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("removed", lines),
                Updates.set("finishedAt", Date.from(now))));
        LOG.info(() -> "retention applied to members who left: " + counts);
        return Optional.of(new RetentionReport(service, now, now, counts));
    }

    /** Erases every member due at {@code now}, in every timebank; how many were erased, waiting, failed. */
    Map<String, Long> apply(Instant now) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(ERASED, 0L);
        counts.put(WAITING, 0L);
        for (Document timebank : mongo.getCollection(RetentionPolicies.TIMEBANKS).find()
                .projection(Projections.include("_id", "retention"))) {
            String timebankId = timebank.getString("_id");
            RetentionPolicy policy = RetentionPolicies.of(timebank);
            for (String memberId : due(timebankId, policy, now)) {
                String outcome = erase(timebankId, memberId);
                if (outcome != null) {
                    counts.merge(outcome, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private List<String> due(String timebankId, RetentionPolicy policy, Instant now) {
        Query suspended = Query.query(Criteria.where("timebankId").is(timebankId)
                .and("status").is(MemberStatus.SUSPENDED.name()));
        suspended.fields().include("status", "statusChangedAt");
        List<String> due = new ArrayList<>();
        for (Document member : mongo.find(suspended, Document.class, "members")) {
            if (LeftMemberRule.due(MemberStatus.valueOf(member.getString("status")),
                    instant(member.get("statusChangedAt")), policy, now)) {
                due.add(member.getString("_id"));
            }
        }
        return due;
    }

    /** Which count the member goes to; null if someone else erased them since they were read. */
    private String erase(String timebankId, String memberId) {
        try {
            return erasure.erase(timebankId, memberId, BY).erasedNow() ? ERASED : null;
        } catch (ApiException e) {
            if (e.refusal().reason() == ErasureRefusal.ERASURE_WAITS_FOR_OPEN_CONTRIBUTIONS) {
                return WAITING;
            }
            LOG.warn(() -> "retention could not erase member " + memberId + " of " + timebankId + ": "
                    + e.refusal().code());
            return FAILED;
        } catch (RuntimeException e) {
            LOG.warn(e, () -> "retention could not erase member " + memberId + " of " + timebankId);
            return FAILED;
        }
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : value instanceof Instant i ? i : null;
    }
}
