package org.reciprocity.kit.access;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The {@code sensitive_reads} collection: who looked at a member's sensitive data (issue 18). One
 * document per member per month ({@code _id} {@code timebank/member/2026-12}), each look appended by
 * one upsert with {@code $push}, so a write touches one document and the member's list is read by
 * {@code _id} alone, which is what the embedded store serves without a scan. Months make retention
 * (two years) a delete of whole documents, and keep any one document small.
 */
public class ReadLog {

    public static final String COLLECTION = "sensitive_reads";
    /** How far back the member's list goes: the two years the reads are kept. */
    public static final int MONTHS_KEPT = 24;

    /** The member or someone they chose to act for them: not a look to report. */
    private static final Set<Relation> THE_MEMBERS_OWN = Set.of(Relation.SELF, Relation.SUPPORTER, Relation.PARTY);
    /** The relations whose looks are kept; when a caller stands in several, the one the member knows them by first. */
    private static final List<Relation> ROLE_ORDER =
            List.of(Relation.COORDINATOR, Relation.REVIEWER, Relation.ORGANISATION_STAFF, Relation.ADMIN);

    private final MongoTemplate mongo;
    private final Clock clock;

    public ReadLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * As whom the caller reads under this rule, if the look is to be kept: a sensitive rule, a caller
     * who is not the member, a party or a supporter, and a staff relation the rule allows.
     */
    public static Optional<Relation> readerRole(AccessRule rule, Set<Relation> relations) {
        if (!rule.sensitive() || relations.stream().anyMatch(THE_MEMBERS_OWN::contains)) {
            return Optional.empty();
        }
        return ROLE_ORDER.stream().filter(relations::contains).filter(rule.allowed()::contains).findFirst();
    }

    /** The document a look at {@code memberId} at {@code at} is appended to. */
    static String documentId(String timebankId, String memberId, Instant at) {
        return timebankId + "/" + memberId + "/" + YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    /** The documents of the {@value #MONTHS_KEPT} months up to {@code now}, newest first. */
    static List<String> documentIds(String timebankId, String memberId, Instant now) {
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= MONTHS_KEPT; i++) {
            ids.add(timebankId + "/" + memberId + "/" + month.minusMonths(i));
        }
        return ids;
    }

    /** Keeps a look now; a reader looking at their own data is never kept. */
    public void record(String timebankId, String readerId, Relation readerRole, String memberId, String what,
                       ReadReason why) {
        recordAll(timebankId, readerId, readerRole, Collections.singletonList(memberId), what, why);
    }

    /**
     * Keeps one look now at each of these members' data (once each, never the reader's own), in one
     * round trip to the store: a page of rows (the review table) is one bulk write of one upsert per
     * member, not one write each.
     */
    public void recordAll(String timebankId, String readerId, Relation readerRole, Collection<String> memberIds,
                          String what, ReadReason why) {
        List<String> members = new LinkedHashSet<>(memberIds).stream()
                .filter(m -> m != null && !m.isEmpty() && !m.equals(readerId)).toList();
        if (members.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        Document read = new Document("readerId", readerId).append("readerRole", readerRole.name())
                .append("what", what).append("why", why.name()).append("at", Date.from(at));
        String month = YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
        if (members.size() == 1) {
            mongo.upsert(Query.query(Criteria.where("_id").is(documentId(timebankId, members.get(0), at))),
                    update(timebankId, members.get(0), month, read), COLLECTION);
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (String member : members) {
            bulk.upsert(Query.query(Criteria.where("_id").is(documentId(timebankId, member, at))),
                    update(timebankId, member, month, read));
        }
        bulk.execute();
    }

    private static Update update(String timebankId, String memberId, String month, Document read) {
        return new Update().setOnInsert("timebankId", timebankId).setOnInsert("memberId", memberId)
                .setOnInsert("month", month).push("reads", read);
    }

    /**
     * The first month no longer kept at {@code now}: the list shows this month and the
     * {@value #MONTHS_KEPT} before it, so anything older than that is past its time.
     */
    static YearMonth firstMonthGone(Instant now) {
        return YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(MONTHS_KEPT + 1L);
    }

    /**
     * Deletes the month documents past the two years at {@code now} (retention, issue 18): whole
     * documents whose {@code month} ("2024-11") is before the oldest month the list still reads.
     * Months compare as text because they are four-digit years and two-digit months. Idempotent, so
     * two instances running it the same night only delete once between them; returns how many went.
     */
    public long forgetOld(Instant now) {
        String oldestKept = firstMonthGone(now).plusMonths(1).toString();
        return mongo.remove(Query.query(Criteria.where("month").lt(oldestKept)), COLLECTION).getDeletedCount();
    }

    private static final String CURRENT_LOOK = ReadLog.class.getName() + ".look";

    /** A look the current request is making: who, as what, under which rule, why. */
    public final class Look {
        private final String timebankId;
        private final String readerId;
        private final Relation readerRole;
        private final String what;
        private final ReadReason why;

        Look(String timebankId, String readerId, Relation readerRole, String what, ReadReason why) {
            this.timebankId = timebankId;
            this.readerId = readerId;
            this.readerRole = readerRole;
            this.what = what;
            this.why = why;
        }

        /** Keeps this look at each of these members' data (once each), in one write. */
        void of(Collection<String> memberIds) {
            recordAll(timebankId, readerId, readerRole, memberIds, what, why);
        }
    }

    static void remember(HttpServletRequest request, Look look) {
        request.setAttribute(CURRENT_LOOK, look);
    }

    /**
     * For an endpoint under a sensitive rule whose path names nobody (a list of every member's
     * deliveries): keeps the current look at these members' data too, before the answer leaves.
     * Does nothing when the request's look is not one to keep (the member's own, a supporter's).
     */
    public static void alsoRead(Collection<String> memberIds) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object look = attributes == null ? null : attributes.getAttribute(CURRENT_LOOK, RequestAttributes.SCOPE_REQUEST);
        if (look instanceof Look current) {
            current.of(memberIds.stream().filter(java.util.Objects::nonNull).toList());
        }
    }

    /** The looks at a member's data in the last two years, newest first. */
    public List<SensitiveRead> of(String timebankId, String memberId) {
        List<String> ids = documentIds(timebankId, memberId, clock.instant());
        List<SensitiveRead> reads = new ArrayList<>();
        for (Document month : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)) {
            for (Document read : month.getList("reads", Document.class, List.of())) {
                reads.add(new SensitiveRead(read.getString("readerId"), Relation.valueOf(read.getString("readerRole")),
                        memberId, read.getString("what"), ReadReason.valueOf(read.getString("why")),
                        read.getDate("at").toInstant()));
            }
        }
        reads.sort(Comparator.comparing(SensitiveRead::at).reversed());
        return reads;
    }
}
