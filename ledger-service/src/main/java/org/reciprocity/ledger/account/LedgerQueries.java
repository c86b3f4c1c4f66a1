package org.reciprocity.ledger.account;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.reciprocity.ledger.book.ChainVerification;
import org.reciprocity.ledger.book.Contribution;
import org.reciprocity.ledger.book.LedgerEntry;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads over the ledger: balances, statements, waiting validations, the chain's integrity. */
@Service
public class LedgerQueries {

    private final MongoTemplate mongo;

    LedgerQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<Document> accounts(String timebankId) {
        return mongo.find(Query.query(Criteria.where("timebankId").is(timebankId)).with(Sort.by("_id")), Document.class,
                "accounts");
    }

    /** Entries touching one account, oldest first, optionally within [from, to). */
    public List<LedgerEntry> statement(String timebankId, String accountId, Instant from, Instant to, int page, int size) {
        Criteria criteria = Criteria.where("entry.timebankId").is(timebankId)
                .orOperator(Criteria.where("entry.debitAccountId").is(accountId),
                        Criteria.where("entry.creditAccountId").is(accountId));
        Query query = Query.query(criteria).with(Sort.by("entry.sequence")).skip((long) page * size).limit(size);
        query.fields().include("entry");
        return mongo.find(query, EntryView.class, "ledger_entries").stream().map(EntryView::entry)
                .filter(e -> (from == null || !e.postedAt().isBefore(from)) && (to == null || e.postedAt().isBefore(to)))
                .toList();
    }

    /**
     * The names of these accounts as a statement shows them: a member's display name, an
     * organisation's name. An account with neither (a member whose details were erased) is left out.
     */
    public Map<String, String> names(String timebankId, Collection<String> accountIds) {
        Map<String, String> names = new HashMap<>();
        Criteria these = Criteria.where("_id").in(accountIds).and("timebankId").is(timebankId);
        for (Document member : mongo.find(Query.query(these), Document.class, "members")) {
            names.put(member.getString("_id"), member.getString("displayName"));
        }
        for (Document organisation : mongo.find(Query.query(these), Document.class, "organisations")) {
            names.put(organisation.getString("_id"), organisation.getString("name"));
        }
        names.values().removeIf(java.util.Objects::isNull);
        return names;
    }

    /** Issue 18: which of these accounts are members who were erased (a statement calls them "a former member"). */
    public java.util.Set<String> erased(String timebankId, Collection<String> accountIds) {
        Query these = Query.query(Criteria.where("_id").in(accountIds).and("timebankId").is(timebankId)
                .and("status").is("ERASED"));
        these.fields().include("_id");
        return mongo.find(these, Document.class, "members").stream().map(d -> d.getString("_id"))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Logged contributions waiting for this member to validate them. */
    public List<Contribution> waitingOn(String timebankId, String memberId) {
        return mongo.find(Query.query(Criteria.where("contribution.timebankId").is(timebankId).and("state").is("LOGGED")),
                        ContributionView.class, "contributions").stream().map(ContributionView::contribution)
                .filter(c -> memberId.equals(c.counterpart())).toList();
    }

    /** Walks the timebank's whole chain from its first entry. */
    public ChainVerification verify(String timebankId) {
        return verify(timebankId, List.of());
    }

    /** Walks the timebank's whole chain from its first entry, holding it against checkpoints kept elsewhere. */
    public ChainVerification verify(String timebankId, List<ChainVerification.Anchor> anchors) {
        Query query = Query.query(Criteria.where("entry.timebankId").is(timebankId)).with(Sort.by("entry.sequence"));
        query.fields().include("entry");
        return ChainVerification.walk(mongo.stream(query, EntryView.class, "ledger_entries").map(EntryView::entry).iterator(),
                anchors);
    }

    record EntryView(String id, LedgerEntry entry) {
    }

    record ContributionView(String id, Contribution contribution) {
    }
}
