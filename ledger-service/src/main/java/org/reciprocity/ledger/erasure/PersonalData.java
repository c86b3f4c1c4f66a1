package org.reciprocity.ledger.erasure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.reciprocity.kit.access.ReadLog;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Where the ledger keeps something about a member, one criterion a collection: the export reads
 * with them ({@link #find}) and the erasure changes what they find ({@link LedgerErasureSteps}), so
 * the two cannot disagree about what the ledger holds of a person.
 */
@Component
class PersonalData {

    static final String ACCOUNTS = "accounts";
    static final String CONSENTS = "consents";
    static final String MATCHES = "agreed_matches";

    private final MongoTemplate mongo;

    PersonalData(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static Criteria member(String timebankId, String memberId) {
        return Criteria.where("_id").is(memberId).and("timebankId").is(timebankId);
    }

    /** Contributions the member gave or received: the words in them are about both people. */
    static Criteria contributions(String timebankId, String memberId) {
        return Criteria.where("contribution.timebankId").is(timebankId)
                .orOperator(Criteria.where("contribution.giverId").is(memberId),
                        Criteria.where("contribution.receiverId").is(memberId));
    }

    /** Ledger entries carrying a copy of such a contribution. */
    static Criteria entriesWithContributions(String timebankId, String memberId) {
        return Criteria.where("entry.timebankId").is(timebankId)
                .orOperator(Criteria.where("contributions.giverId").is(memberId),
                        Criteria.where("contributions.receiverId").is(memberId));
    }

    /** Ledger entries moving the member's time. */
    static Criteria entriesOfAccount(String timebankId, String memberId) {
        return Criteria.where("entry.timebankId").is(timebankId)
                .orOperator(Criteria.where("entry.debitAccountId").is(memberId),
                        Criteria.where("entry.creditAccountId").is(memberId));
    }

    static Criteria records(String timebankId, String memberId) {
        return Criteria.where("timebankId").is(timebankId).and("memberId").is(memberId);
    }

    /** The months of "who looked at the member's data" ({@code _id} {@code timebank/member/month}). */
    static Criteria reads(String timebankId, String memberId) {
        return Criteria.where("_id").regex("^" + Pattern.quote(timebankId + "/" + memberId + "/"));
    }

    static Criteria namedAsSupporter(String timebankId, String memberId) {
        return Criteria.where("timebankId").is(timebankId).and("supporters").is(memberId);
    }

    static Criteria staffOf(String timebankId, String memberId) {
        return Criteria.where("timebankId").is(timebankId).and("staffIds").is(memberId);
    }

    /**
     * Everything the ledger holds about the member, by collection, as stored; events waiting in an
     * outbox are left out (they say again what the document says). Ledger entries keep the member's
     * own side only: the other account's balance is the other person's.
     */
    Map<String, List<Document>> find(String timebankId, String memberId) {
        Map<String, List<Document>> found = new LinkedHashMap<>();
        found.put(MemberErasure.MEMBERS, read(member(timebankId, memberId), MemberErasure.MEMBERS));
        found.put(ACCOUNTS, read(Criteria.where("_id").is(memberId).and("timebankId").is(timebankId), ACCOUNTS));
        found.put(LedgerErasureSteps.CONTRIBUTIONS, read(contributions(timebankId, memberId), LedgerErasureSteps.CONTRIBUTIONS));
        List<Document> entries = new ArrayList<>();
        Query ofAccount = Query.query(entriesOfAccount(timebankId, memberId));
        ofAccount.fields().include("entry");
        for (Document stored : mongo.find(ofAccount, Document.class, LedgerErasureSteps.ENTRIES)) {
            Document entry = new Document("_id", stored.get("_id")); // which entry: the member can cite it
            entry.putAll(stored.get("entry", Document.class));
            entry.remove(memberId.equals(entry.getString("debitAccountId")) ? "creditBalanceAfter" : "debitBalanceAfter");
            entries.add(entry);
        }
        found.put(LedgerErasureSteps.ENTRIES, entries);
        found.put(LedgerErasureSteps.RECORDS, read(records(timebankId, memberId), LedgerErasureSteps.RECORDS));
        found.put(org.reciprocity.ledger.account.Corrections.COLLECTION, read(
                org.reciprocity.ledger.account.Corrections.naming(timebankId, memberId),
                org.reciprocity.ledger.account.Corrections.COLLECTION));
        found.put(CONSENTS, read(Criteria.where("_id").is(memberId).and("timebankId").is(timebankId), CONSENTS));
        found.put(MATCHES, read(Criteria.where("timebankId").is(timebankId).orOperator(
                Criteria.where("giverId").is(memberId), Criteria.where("receiverId").is(memberId)), MATCHES));
        Query staff = Query.query(staffOf(timebankId, memberId));
        staff.fields().include("name");
        found.put(LedgerErasureSteps.ORGANISATIONS, mongo.find(staff, Document.class, LedgerErasureSteps.ORGANISATIONS));
        Query supported = Query.query(namedAsSupporter(timebankId, memberId));
        supported.fields().include("_id");
        found.put("supported_members", mongo.find(supported, Document.class, MemberErasure.MEMBERS));
        found.put(ReadLog.COLLECTION, read(reads(timebankId, memberId), ReadLog.COLLECTION));
        found.put(ErasureStatus.COLLECTION, read(Criteria.where("_id").is(memberId).and("timebankId").is(timebankId),
                ErasureStatus.COLLECTION));
        return found;
    }

    private List<Document> read(Criteria criteria, String collection) {
        Query query = Query.query(criteria);
        query.fields().exclude("outbox");
        return mongo.find(query, Document.class, collection);
    }
}
