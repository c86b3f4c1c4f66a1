package org.reciprocity.ledger.record;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.reciprocity.contracts.consent.Consent;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.ledger.book.Contribution;
import org.reciprocity.ledger.book.ContributionState;
import org.reciprocity.ledger.book.LedgerEntry;
import org.reciprocity.ledger.consent.Consents;
import org.reciprocity.ledger.timebank.Timebank;
import org.reciprocity.ledger.timebank.Timebanks;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Issues, finds and withdraws contribution records. A record is built from the ledger's own
 * validated contributions the member gave, signed, and kept whole in {@code contribution_records}
 * under its verification code, so anyone given the code reads exactly what was signed, and sees
 * whether the member has since withdrawn it.
 */
@Service
class ContributionRecords {

    static final String COLLECTION = "contribution_records";

    private final MongoTemplate mongo;
    private final Timebanks timebanks;
    private final RecordKey key;
    private final Clock clock;

    private final Consents consents;

    ContributionRecords(MongoTemplate mongo, Timebanks timebanks, RecordKey key, Clock clock, Consents consents) {
        this.consents = consents;
        this.mongo = mongo;
        this.timebanks = timebanks;
        this.key = key;
        this.clock = clock;
    }

    /** A kept record: the JWS as issued, whose it is, and whether (and when) the member withdrew it. */
    record StoredRecord(String code, String timebankId, String memberId, Instant issuedAt, String jws, Instant revokedAt,
                        long totalMinutes, int entries) {

        static StoredRecord of(Document d) {
            return new StoredRecord(d.getString("_id"), d.getString("timebankId"), d.getString("memberId"),
                    d.getDate("issuedAt").toInstant(), d.getString("jws"),
                    d.getDate("revokedAt") == null ? null : d.getDate("revokedAt").toInstant(),
                    d.get("totalMinutes", Number.class).longValue(), d.get("entries", Number.class).intValue());
        }
    }

    StoredRecord issue(String timebankId, String memberId, Sharing sharing) {
        if (sharing.from() != null && sharing.to() != null && sharing.from().isAfter(sharing.to())) {
            throw ApiException.of(RecordRefusal.PERIOD_BACKWARDS);
        }
        if (consents.isWithdrawn(timebankId, memberId, Consent.SHARE_CONTRIBUTION_RECORD)) {
            throw ApiException.of(RecordRefusal.SHARING_WITHDRAWN);
        }
        Timebank timebank = timebanks.require(timebankId);
        List<GivenTime> given = validatedGivenBy(timebankId, memberId).stream().filter(sharing::includes).toList();
        if (given.isEmpty()) {
            throw ApiException.of(RecordRefusal.NOTHING_TO_RECORD);
        }
        Instant now = clock.instant();
        String name = memberName(timebankId, memberId);
        long total = given.stream().mapToLong(GivenTime::minutes).sum();
        for (int attempt = 0; ; attempt++) {
            String code = VerificationCode.next();
            Credential.Issue issue = new Credential.Issue(code, timebankId, timebank.name(), name, now);
            String jws = key.sign(Credential.of(issue, sharing, given));
            Document doc = new Document("_id", code).append("timebankId", timebankId).append("memberId", memberId)
                    .append("issuedAt", java.util.Date.from(now)).append("jws", jws).append("keyId", key.id())
                    .append("totalMinutes", total).append("entries", given.size());
            try {
                mongo.insert(doc, COLLECTION);
                return StoredRecord.of(doc);
            } catch (DuplicateKeyException taken) {
                if (attempt >= 3) {
                    throw taken; // 50 random bits colliding four times running is a broken random source
                }
            }
        }
    }

    List<StoredRecord> of(String timebankId, String memberId) {
        Query mine = Query.query(Criteria.where("timebankId").is(timebankId).and("memberId").is(memberId))
                .with(Sort.by(Sort.Direction.DESC, "issuedAt"));
        return mongo.find(mine, Document.class, COLLECTION).stream().map(StoredRecord::of).toList();
    }

    Optional<StoredRecord> byCode(String code) {
        return Optional.ofNullable(mongo.findById(code, Document.class, COLLECTION)).map(StoredRecord::of);
    }

    /** Withdraws one of the member's own records; withdrawing it again changes nothing. */
    StoredRecord revoke(String timebankId, String memberId, String code) {
        Criteria theirs = Criteria.where("_id").is(code).and("timebankId").is(timebankId).and("memberId").is(memberId);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(code).and("timebankId").is(timebankId)
                .and("memberId").is(memberId).and("revokedAt").is(null)),
                Update.update("revokedAt", java.util.Date.from(clock.instant())), COLLECTION);
        return Optional.ofNullable(mongo.findOne(Query.query(theirs), Document.class, COLLECTION)).map(StoredRecord::of)
                .orElseThrow(() -> ApiException.of(RecordRefusal.NO_SUCH_RECORD));
    }

    /**
     * Issue 18: the member withdrew their consent to share records: every record issued up to then
     * is withdrawn (its verify page says so). Records issued after a later "yes" are not touched, so
     * a withdrawal heard late cannot undo the member's newer choice. Repeating it changes nothing.
     */
    long revokeAllIssuedBy(String timebankId, String memberId, Instant withdrawnAt) {
        return mongo.updateMulti(Query.query(Criteria.where("timebankId").is(timebankId).and("memberId").is(memberId)
                        .and("revokedAt").is(null).and("issuedAt").lte(java.util.Date.from(withdrawnAt))),
                Update.update("revokedAt", java.util.Date.from(withdrawnAt)), COLLECTION).getModifiedCount();
    }

    /** The member's validated contributions as giver, with when each was posted and who stood for it. */
    private List<GivenTime> validatedGivenBy(String timebankId, String memberId) {
        Query query = Query.query(Criteria.where("contribution.timebankId").is(timebankId)
                .and("contribution.giverId").is(memberId).and("state").is(ContributionState.VALIDATED.name()));
        query.fields().include("contribution");
        List<Contribution> contributions = mongo.find(query, ContributionView.class, "contributions").stream()
                .map(ContributionView::contribution).filter(c -> c.postedMinutes() > 0).toList();
        Map<String, Instant> postedAt = postedAt(timebankId, contributions);
        Map<String, List<String>> staff = new HashMap<>();
        List<GivenTime> given = new ArrayList<>();
        for (Contribution c : contributions) {
            List<String> receiverStaff = staff.computeIfAbsent(c.receiverId(), r -> organisationStaff(timebankId, r));
            GivenTime.Validator validator = GivenTime.Validator.of(memberId, c.receiverId(), c.side() == LoggedBy.RECEIVER,
                    c.decidedBy(), receiverStaff != null, receiverStaff != null && receiverStaff.contains(c.decidedBy()));
            Instant validatedAt = postedAt.getOrDefault(c.transferId(), c.loggedAt());
            given.add(new GivenTime(c.kind(), c.postedMinutes(), c.happenedOn(), validatedAt, validator));
        }
        return given;
    }

    private Map<String, Instant> postedAt(String timebankId, List<Contribution> contributions) {
        List<String> keys = contributions.stream().map(c -> timebankId + "/" + c.transferId()).toList();
        Query entries = Query.query(Criteria.where("transferKey").in(keys));
        entries.fields().include("entry");
        Map<String, Instant> postedAt = new HashMap<>();
        for (EntryView view : mongo.find(entries, EntryView.class, "ledger_entries")) {
            postedAt.put(view.entry().transferId(), view.entry().postedAt());
        }
        return postedAt;
    }

    record ContributionView(String id, Contribution contribution) {
    }

    record EntryView(String id, LedgerEntry entry) {
    }

    /** The staff an organisation lists, or null when the account is not an organisation's. */
    private List<String> organisationStaff(String timebankId, String accountId) {
        Document organisation = mongo.findById(accountId, Document.class, "organisations");
        if (organisation == null || !timebankId.equals(organisation.getString("timebankId"))) {
            return null;
        }
        return organisation.getList("staffIds", String.class, List.of());
    }

    private String memberName(String timebankId, String memberId) {
        Document member = mongo.findById(memberId, Document.class, "members");
        return member == null || !timebankId.equals(member.getString("timebankId")) ? null : member.getString("displayName");
    }
}
