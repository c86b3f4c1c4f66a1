package org.reciprocity.ledger.book;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Changes without a ledger entry that touch several contributions (a group register: every
 * attendance, every reservation, every event), written all or nothing without transactions. The
 * whole change is first written as one document in {@value #COLLECTION} (one per timebank at a
 * time): that insert is the commit point. Then each account is written on the condition of the
 * revision the decision read, signed with the change's id; then the contributions, then the events
 * (one outbox message); then the document is removed. A crash part-way leaves the document, and
 * the next command of the timebank ({@link MongoBookStore#rollForward}) finishes it: forward, when
 * every account is still as the change found it or already signed by it; back (the accounts it
 * signed restored, nothing else written), when another writer changed one of them meanwhile — a
 * writer whose lease ran out during a pause.
 */
final class WholeChanges {

    static final String COLLECTION = "ledger_changes";
    private static final Logger log = LoggerFactory.getLogger(WholeChanges.class);

    private final MongoTemplate mongo;
    private final MongoBookStore store;

    WholeChanges(MongoTemplate mongo, MongoBookStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    void commit(BookStore.Change change, List<Document> outbox) {
        String timebankId = change.timebankId();
        WriterState w = store.writing(timebankId);
        List<Document> accounts = new ArrayList<>();
        for (Account after : change.accounts()) {
            // the account as the decision read it (kept by the writer, or read now: nothing is written yet)
            Account before = store.account(timebankId, after.id()).orElse(after);
            Long revision = w == null ? null : w.revision(after.id());
            if (revision == null) {
                Document stored = mongo.findById(after.id(), Document.class, MongoBookStore.ACCOUNTS);
                revision = stored != null && stored.get("rev") instanceof Number n ? n.longValue() : 0L;
            }
            accounts.add(new Document("id", after.id()).append("rev", revision)
                    .append("before", MongoBookStore.fields(before)).append("after", MongoBookStore.fields(after)));
        }
        Document whole = new Document("_id", timebankId).append("change", UUID.randomUUID().toString())
                .append("accounts", accounts)
                .append("contributions", change.contributions().stream().map(store::bson).toList())
                .append("outbox", outbox)
                .append("message", change.events().isEmpty() ? null : change.events().get(0).eventId().toString());
        try {
            mongo.insert(whole, COLLECTION);
        } catch (DuplicateKeyException e) {
            // another change of this timebank is unfinished: the retry reads afresh and finishes it first
            throw new MongoBookStore.ConcurrentPostingException(timebankId, e);
        }
        if (!finish(whole, false)) {
            throw new MongoBookStore.ConcurrentPostingException(timebankId, null);
        }
        for (Document a : accounts) {
            Account after = change.accounts().stream().filter(x -> x.id().equals(a.getString("id"))).findFirst().orElseThrow();
            if (w != null) {
                w.account(after, a.getLong("rev") + 1);
            }
        }
        if (w != null) {
            change.contributions().forEach(w::contribution);
        }
    }

    /** Finishes the change a crash left unfinished in the timebank, if any. */
    void finish(String timebankId) {
        Document unfinished = mongo.findById(timebankId, Document.class, COLLECTION);
        if (unfinished == null) {
            return;
        }
        boolean forward = finish(unfinished, true);
        log.warn("An unfinished change {} of timebank {} was rolled {}", unfinished.getString("change"), timebankId,
                forward ? "forward" : "back");
        WriterState w = store.writing(timebankId);
        if (w != null) {
            unfinished.getList("accounts", Document.class).forEach(a -> w.forgetAccount(a.getString("id")));
        }
    }

    /** Writes the rest of a committed change; false if it was rolled back instead. */
    private boolean finish(Document whole, boolean rollingForward) {
        String timebankId = whole.getString("_id");
        String changeId = whole.getString("change");
        List<Document> accounts = whole.getList("accounts", Document.class);
        for (Document a : accounts) {
            if (!writeAccount(a, changeId)) {
                rollBack(accounts, changeId);
                done(timebankId, changeId);
                return false;
            }
        }
        for (Document c : whole.getList("contributions", Document.class)) {
            String id = MongoBookStore.key(timebankId, c.getString("_id") != null ? c.getString("_id") : c.getString("id"));
            mongo.upsert(Query.query(Criteria.where("_id").is(id)),
                    new Update().set("state", c.getString("state")).set("contribution", c), MongoBookStore.CONTRIBUTIONS);
        }
        String message = whole.getString("message");
        if (message != null) {
            try {
                mongo.insert(new Document("_id", message).append("timebankId", timebankId)
                        .append("outbox", whole.getList("outbox", Document.class)), MongoBookStore.MESSAGES);
            } catch (DuplicateKeyException alreadyWritten) {
                // written before a crash
            }
            store.outboxWritten(OutboxRelay.Pending.readBack(MongoBookStore.MESSAGES, message));
        }
        done(timebankId, changeId);
        return true;
    }

    /** Writes one account if it is still as the change found it; true if written now or before. */
    private boolean writeAccount(Document a, String changeId) {
        String id = a.getString("id");
        long revision = a.getLong("rev");
        Document after = a.get("after", Document.class);
        if (revision == 0) {
            try {
                mongo.insert(new Document(after).append("_id", id).append("rev", 1L).append("change", changeId),
                        MongoBookStore.ACCOUNTS);
                return true;
            } catch (DuplicateKeyException e) {
                return signedBy(id, changeId, revision);
            }
        }
        Update update = new Update().set("rev", revision + 1).set("change", changeId);
        after.forEach(update::set);
        boolean written = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("rev").is(revision)), update,
                MongoBookStore.ACCOUNTS).getMatchedCount() == 1;
        return written || signedBy(id, changeId, revision);
    }

    private boolean signedBy(String accountId, String changeId, long revision) {
        Document stored = mongo.findById(accountId, Document.class, MongoBookStore.ACCOUNTS);
        return stored != null && changeId.equals(stored.getString("change"))
                && stored.get("rev") instanceof Number n && n.longValue() == revision + 1;
    }

    /** Restores the accounts this change wrote and nobody wrote since; the others it did not write. */
    private void rollBack(List<Document> accounts, String changeId) {
        for (Document a : accounts) {
            long revision = a.getLong("rev");
            Update update = new Update().set("rev", revision + 2).unset("change");
            a.get("before", Document.class).forEach(update::set);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(a.getString("id")).and("rev").is(revision + 1)
                    .and("change").is(changeId)), update, MongoBookStore.ACCOUNTS);
        }
    }

    private void done(String timebankId, String changeId) {
        mongo.remove(Query.query(Criteria.where("_id").is(timebankId).and("change").is(changeId)), COLLECTION);
    }
}
