package org.reciprocity.ledger.book;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;


import org.bson.Document;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The book in MongoDB, without multi-document transactions. A change with a ledger entry is
 * committed by inserting that entry — with the whole change and its events embedded — under unique
 * keys (timebank + sequence, timebank + transfer id): that insert is the commit point, so a
 * contribution can never post twice, even across instances. Accounts, contributions and the chain
 * head are written after it and rolled forward from the entry if a crash interrupted them
 * ({@link #rollForward}). Changes without an entry write in the safe order: reserving minutes
 * touches accounts before the contribution exists; releasing them claims the contribution first
 * with a conditional update (so only one instance expires it), then the accounts. A crash in
 * between can only leave minutes reserved, never lose or double-count one.
 */
@Component
public class MongoBookStore implements BookStore {

    static final String ACCOUNTS = "accounts";
    static final String CONTRIBUTIONS = "contributions";
    static final String ENTRIES = "ledger_entries";
    static final String HEADS = "ledger_heads";
    static final String MESSAGES = "outbox_messages";
    static final String MATCHES = "agreed_matches";
    /** The collections whose outboxes only the holder of a timebank's lease publishes, in written order. */
    static final List<String> LANE_COLLECTIONS = List.of(CONTRIBUTIONS, ENTRIES, MESSAGES);
    /** An outbox entry's place in its timebank's written order ({@link WriterState#nextOrder}). */
    static final String ORDER = "order";

    private final MongoTemplate mongo;
    /** Changes of several contributions without an entry (a group register), written all or nothing. */
    private final WholeChanges wholeChanges;
    /** Documents whose outbox the current command filled, to flush once it is done. */
    private final ThreadLocal<List<OutboxRelay.Pending>> written = ThreadLocal.withInitial(ArrayList::new);
    /**
     * What the instance knows of the timebank the current command writes, kept between commands
     * while it holds the timebank's write lease ({@link WriteLeases}): reads of accounts, the chain
     * head and recent contributions come from it, and every write goes to the database first, then
     * into it. Active only between {@link #beginCommand} and {@link #endCommand}: reads outside a
     * command (the query endpoints) always go to the database.
     */
    private final ThreadLocal<WriterState> writer = new ThreadLocal<>();
    /**
     * Policies read recently, for {@link #POLICY_TTL_MILLIS}. The only state cached across
     * commands: a policy changes rarely, only by an admin, and {@link #forgetPolicy} clears this
     * instance's copy when it writes one; another instance's change shows here within the TTL.
     */
    private final Map<String, CachedPolicy> policies = new ConcurrentHashMap<>();
    static final long POLICY_TTL_MILLIS = 5_000;

    MongoBookStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.wholeChanges = new WholeChanges(mongo, this);
        mongo.indexOps(ENTRIES).createIndex(new Index().on("transferKey", Sort.Direction.ASC).unique());
        mongo.indexOps(CONTRIBUTIONS).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("state", Sort.Direction.ASC).unique());
        // The fenced account write matches {_id, rev}. mongo-java-server serves a query from an index
        // only when the query names exactly that index's fields; without this index every account
        // write scanned the whole collection (as {_id, state} above is for contributions).
        mongo.indexOps(ACCOUNTS).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("rev", Sort.Direction.ASC).unique());
    }

    void beginCommand(WriterState state) {
        written.get().clear();
        writer.set(state);
    }

    void endCommand() {
        writer.remove();
    }

    /** Forgets this instance's cached policy of a timebank; call after writing it. */
    public void forgetPolicy(String timebankId) {
        policies.remove(timebankId);
    }

    /**
     * Every document holding fresh outbox entries, in write order. A document this command
     * inserted carries its entries, as it holds nothing else, so the relay need not read it back;
     * an updated one may still hold older entries a failed publish left, which must go out first,
     * so the relay reads it.
     */
    List<OutboxRelay.Pending> writtenOutboxes() {
        return List.copyOf(written.get());
    }

    @Override
    public Optional<Policy> policy(String timebankId) {
        CachedPolicy cached = policies.get(timebankId);
        long now = System.currentTimeMillis();
        if (cached != null && now < cached.expires()) {
            return Optional.of(cached.policy());
        }
        Optional<Policy> read = readPolicy(timebankId);
        read.ifPresent(p -> policies.put(timebankId, new CachedPolicy(p, now + POLICY_TTL_MILLIS)));
        return read;
    }

    private Optional<Policy> readPolicy(String timebankId) {
        Document timebank = mongo.findById(timebankId, Document.class, "timebanks");
        if (timebank == null) {
            return Optional.empty();
        }
        Document stored = timebank.get("policy", Document.class);
        Policy defaults = Policy.defaults(ZoneId.of(timebank.getString("zone")));
        return Optional.of(stored == null ? defaults : PolicyDocuments.read(stored, defaults));
    }

    @Override
    public Optional<Account> account(String timebankId, String accountId) {
        WriterState w = writing(timebankId);
        Account known = w == null ? null : w.account(accountId);
        if (known != null) {
            return Optional.of(known);
        }
        Document doc = mongo.findById(accountId, Document.class, ACCOUNTS);
        if (doc != null) {
            Optional<Account> read = Optional.of(account(doc)).filter(a -> a.timebankId().equals(timebankId));
            if (w != null) {
                read.ifPresent(a -> w.account(a, doc.get("rev") instanceof Number n ? n.longValue() : 0L));
            }
            return read;
        }
        // An account is opened with its member or organisation; if a crash came in between, open it now.
        Optional<Account> opened = Optional.empty();
        Document member = mongo.findById(accountId, Document.class, "members");
        if (member != null && timebankId.equals(member.getString("timebankId"))) {
            opened = Optional.of(Account.open(accountId, timebankId, AccountKind.MEMBER)
                    // issue 18: an erased member's account stays closed too
                    .withActive(!"SUSPENDED".equals(member.getString("status")) && !"ERASED".equals(member.getString("status"))));
        }
        Document organisation = opened.isPresent() ? null : mongo.findById(accountId, Document.class, "organisations");
        if (organisation != null && timebankId.equals(organisation.getString("timebankId"))) {
            opened = Optional.of(Account.open(accountId, timebankId, AccountKind.ORGANISATION));
        }
        if (w != null) {
            opened.ifPresent(a -> w.account(a, 0L));
        }
        return opened;
    }

    @Override
    public Optional<Contribution> contribution(String timebankId, String contributionId) {
        WriterState w = writing(timebankId);
        Contribution known = w == null ? null : w.contribution(contributionId);
        if (known != null) {
            return Optional.of(known);
        }
        ContributionDocument doc = mongo.findById(key(timebankId, contributionId), ContributionDocument.class, CONTRIBUTIONS);
        if (doc == null) {
            return Optional.empty();
        }
        if (w != null) {
            w.contribution(doc.contribution());
            if (doc.outbox() != null && !doc.outbox().isEmpty()) {
                // events another writer left unpublished (one whose lease ran out mid-command): they
                // go out before whatever this command writes about the same contribution
                written.get().add(OutboxRelay.Pending.readBack(CONTRIBUTIONS, doc.id()));
            }
        }
        return Optional.of(doc.contribution());
    }

    @Override
    public List<Contribution> contributionsOfActivity(String timebankId, String activityId) {
        return mongo.find(Query.query(Criteria.where("contribution.timebankId").is(timebankId)
                        .and("contribution.groupActivityId").is(activityId)), ContributionDocument.class, CONTRIBUTIONS)
                .stream().map(ContributionDocument::contribution).toList();
    }

    @Override
    public List<Contribution> openContributions(String timebankId) {
        return mongo.find(Query.query(Criteria.where("state").in(ContributionState.LOGGED.name(), ContributionState.DISPUTED.name())
                        .and("contribution.timebankId").is(timebankId)), ContributionDocument.class, CONTRIBUTIONS)
                .stream().map(ContributionDocument::contribution).toList();
    }

    @Override
    public List<Account> accounts(String timebankId) {
        return mongo.find(Query.query(Criteria.where("timebankId").is(timebankId)), Document.class, ACCOUNTS).stream()
                .map(MongoBookStore::account).toList();
    }

    @Override
    public Optional<LedgerEntry> entry(String timebankId, long sequence) {
        return Optional.ofNullable(mongo.findById(entryKey(timebankId, sequence), EntryDocument.class, ENTRIES))
                .map(EntryDocument::entry);
    }

    @Override
    public Optional<LedgerEntry> entryByTransfer(String timebankId, String transferId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("transferKey").is(key(timebankId, transferId))),
                EntryDocument.class, ENTRIES)).map(EntryDocument::entry);
    }

    @Override
    public ChainHead head(String timebankId) {
        WriterState w = writing(timebankId);
        ChainHead known = w == null ? null : w.head();
        if (known != null) {
            return known;
        }
        Document doc = mongo.findById(timebankId, Document.class, HEADS);
        ChainHead head = doc == null ? ChainHead.empty(timebankId)
                : new ChainHead(timebankId, doc.getLong("sequence"), doc.getString("hash"));
        if (w != null) {
            w.head(head);
        }
        return head;
    }

    @Override
    public Optional<AgreedMatch> agreedMatch(String timebankId, String matchId) {
        Document match = mongo.findById(matchId, Document.class, MATCHES);
        if (match == null || !timebankId.equals(match.getString("timebankId"))) {
            return Optional.empty();
        }
        return Optional.of(new AgreedMatch(matchId, match.getString("giverId"), match.getString("receiverId")));
    }

    @Override
    public void commit(Change change) {
        List<OutboxEntry> outbox = change.events().stream().map(OutboxEntry::of).toList();
        // each entry with its place in the timebank's written order (see WriterState#nextOrder)
        List<Document> stored = outbox.stream().map(this::bson).toList();
        if (!change.entries().isEmpty()) {
            // the first entry carries the whole change, the later entries of the change included:
            // its insert is the commit point, and a crash after it is rolled forward from it
            LedgerEntry entry = change.entries().get(0);
            List<LedgerEntry> more = change.entries().subList(1, change.entries().size());
            EntryDocument doc = new EntryDocument(entryKey(change.timebankId(), entry.sequence()),
                    key(change.timebankId(), entry.transferId()), entry, change.accounts(), change.contributions(),
                    change.head(), new ArrayList<>(stored), List.copyOf(more));
            try {
                mongo.insert(doc, ENTRIES);
            } catch (DuplicateKeyException e) {
                throw new ConcurrentPostingException(change.timebankId(), e);
            }
            written.get().add(new OutboxRelay.Pending(ENTRIES, doc.id(), outbox));
            insertLaterEntries(change.timebankId(), more);
            apply(change.timebankId(), change.accounts(), change.contributions(), change.head(), true);
            return;
        }
        if (change.contributions().size() > 1) {
            wholeChanges.commit(change, stored);
            return;
        }
        boolean releasing = change.contributions().stream().anyMatch(c -> !c.state().isOpen())
                || change.contributions().stream().anyMatch(c -> storedState(change.timebankId(), c.id()) != null);
        if (releasing) {
            saveContributions(change.timebankId(), change.contributions(), outbox, stored);
            saveAccounts(change.accounts(), true);
        } else {
            saveAccounts(change.accounts(), true);
            saveContributions(change.timebankId(), change.contributions(), outbox, stored);
        }
        if (change.contributions().size() != 1 && !outbox.isEmpty()) {
            String id = change.events().get(0).eventId().toString();
            mongo.insert(new Document("_id", id).append("timebankId", change.timebankId())
                    .append("outbox", stored), MESSAGES);
            written.get().add(new OutboxRelay.Pending(MESSAGES, id, outbox));
        }
    }

    /**
     * Makes the current command publish, before its own events, every event of the timebank still
     * waiting in an outbox, in the order it was written: for a holder of the lease taking over from
     * one that left some unpublished (a pause past its lease, a crash, a broker away). Replaces what
     * the roll-forward queued: those outboxes are among them.
     */
    void catchUp(String timebankId) {
        List<OutboxRelay.Pending> left = leftovers(timebankId);
        written.get().clear();
        written.get().addAll(left);
    }

    /**
     * The timebank's unpublished events, one per outbox entry, in written order: by the order each
     * was written with, else (written before orders were kept) by when it happened; entries of one
     * document keep their order in it (the sort is stable).
     */
    List<OutboxRelay.Pending> leftovers(String timebankId) {
        record Left(long order, java.time.Instant at, OutboxRelay.Pending pending) {
        }
        List<Left> left = new ArrayList<>();
        for (String collection : LANE_COLLECTIONS) {
            Query pending = Query.query(Criteria.where(timebankField(collection)).is(timebankId).and("outbox.0").exists(true));
            pending.fields().include("outbox");
            for (Document doc : mongo.find(pending, Document.class, collection)) {
                for (Document e : doc.getList("outbox", Document.class, List.of())) {
                    java.util.Date at = e.getDate("occurredAt");
                    OutboxEntry entry = new OutboxEntry(e.getString("eventId"), e.getString("type"), e.getString("payload"),
                            at == null ? null : at.toInstant());
                    left.add(new Left(e.get(ORDER) instanceof Number n ? n.longValue() : -1L,
                            at == null ? java.time.Instant.EPOCH : at.toInstant(),
                            new OutboxRelay.Pending(collection, doc.get("_id"), List.of(entry))));
                }
            }
        }
        left.sort(java.util.Comparator.comparingLong(Left::order).thenComparing(Left::at));
        return left.stream().map(Left::pending).toList();
    }

    /** The timebanks with an event waiting in an outbox since before {@code settled}. */
    java.util.Set<String> timebanksWithLeftovers(java.time.Instant settled) {
        java.util.Set<String> timebanks = new java.util.LinkedHashSet<>();
        for (String collection : LANE_COLLECTIONS) {
            String field = timebankField(collection);
            Query pending = Query.query(Criteria.where("outbox.0.occurredAt").lt(java.util.Date.from(settled)));
            pending.fields().include(field);
            for (Document doc : mongo.find(pending, Document.class, collection)) {
                Object timebank = doc;
                for (String part : field.split("\\.")) {
                    timebank = timebank instanceof Document d ? d.get(part) : null;
                }
                if (timebank instanceof String id) {
                    timebanks.add(id);
                }
            }
        }
        return timebanks;
    }

    private static String timebankField(String collection) {
        return switch (collection) {
            case CONTRIBUTIONS -> "contribution.timebankId";
            case ENTRIES -> "entry.timebankId";
            default -> "timebankId";
        };
    }

    /** Suspends or reactivates an account; run inside {@link Bookkeeping#run} like any ledger write. */
    public void setActive(String timebankId, String accountId, boolean active) {
        account(timebankId, accountId).ifPresent(a -> saveAccounts(List.of(a.withActive(active)), true));
    }

    /**
     * Completes what a crash may have left half-written: entries past the chain head are
     * committed, so their embedded accounts, contributions and head are written again.
     */
    void rollForward(String timebankId) {
        wholeChanges.finish(timebankId);
        ChainHead head = head(timebankId);
        EntryDocument next;
        while ((next = mongo.findById(entryKey(timebankId, head.sequence() + 1), EntryDocument.class, ENTRIES)) != null) {
            insertLaterEntries(timebankId, next.more() == null ? List.of() : next.more());
            // unfenced: the entry is committed, so its accounts are the truth for their balances (any
            // later posting would have needed the next sequence); pending minutes another writer
            // reserved meanwhile may be lost here, and ReservationCheck gives them back
            apply(timebankId, next.accounts(), next.contributions(), next.head(), false);
            written.get().add(OutboxRelay.Pending.readBack(ENTRIES, next.id()));
            head = next.head();
        }
    }

    /**
     * The entries after the first of a change: plain records of the chain (the first holds the
     * change). Written again when rolling forward, so one already there is the same entry.
     */
    private void insertLaterEntries(String timebankId, List<LedgerEntry> more) {
        for (LedgerEntry e : more) {
            try {
                mongo.insert(new EntryDocument(entryKey(timebankId, e.sequence()), key(timebankId, e.transferId()), e,
                        List.of(), List.of(), new ChainHead(timebankId, e.sequence(), e.hash()), List.of(), List.of()),
                        ENTRIES);
            } catch (DuplicateKeyException alreadyWritten) {
                // written before a crash; the first entry's insert decided the sequence is this change's
            }
        }
    }

    private void apply(String timebankId, List<Account> accounts, List<Contribution> contributions, ChainHead head,
                       boolean fenced) {
        saveAccounts(accounts, fenced);
        for (Contribution c : contributions) {
            // an upsert of state and content keeps whatever outbox the document still holds
            mongo.upsert(Query.query(Criteria.where("_id").is(key(timebankId, c.id()))),
                    new Update().set("state", c.state().name()).set("contribution", bson(c)), CONTRIBUTIONS);
            remember(timebankId, w -> w.contribution(c));
        }
        if (head != null) {
            mongo.save(new Document("_id", timebankId).append("sequence", head.sequence()).append("hash", head.hash()), HEADS);
            remember(timebankId, w -> w.head(head));
        }
    }

    /** Keeps what the current command wrote (already in the database) for the timebank's later reads. */
    private void remember(String timebankId, Consumer<WriterState> write) {
        WriterState w = writing(timebankId);
        if (w != null) {
            write.accept(w);
        }
    }

    /**
     * A contribution's state in the database as this writer last read or wrote it, null if it has
     * not (then it is new): the condition of the next write.
     */
    private ContributionState storedState(String timebankId, String contributionId) {
        WriterState w = writing(timebankId);
        Contribution known = w == null ? null : w.contribution(contributionId);
        return known == null ? null : known.state();
    }

    /** The writer state of the current command, if it writes {@code timebankId}. */
    WriterState writing(String timebankId) {
        WriterState w = writer.get();
        return w != null && w.timebankId.equals(timebankId) ? w : null;
    }

    Document bson(Contribution c) {
        Document contribution = new Document();
        mongo.getConverter().write(c, contribution);
        contribution.remove("_class");
        return contribution;
    }

    /**
     * Writes accounts whole. {@code fenced}: each write is conditional on the revision this writer
     * read, so a writer whose lease ran out (a long pause) cannot overwrite what the next holder
     * wrote; it loses the race instead. A first write (no revision yet) and the roll-forward of a
     * committed entry write unconditionally: the entry is the record.
     */
    private void saveAccounts(List<Account> accounts, boolean fenced) {
        if (accounts.isEmpty()) {
            return;
        }
        String timebankId = accounts.get(0).timebankId();
        WriterState w = writing(timebankId);
        // A change writes both of its accounts: one round trip for the two. Ordered, like two saves.
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, ACCOUNTS);
        List<Long> revisions = new ArrayList<>();
        for (Account a : accounts) {
            Long revision = fenced && w != null ? w.revision(a.id()) : null;
            Update update = new Update().set("timebankId", a.timebankId()).set("kind", a.kind().name())
                    .set("active", a.active()).set("balance", a.balance()).set("debitsPending", a.debitsPending())
                    .set("creditsPending", a.creditsPending()).set("lastSequence", a.lastSequence());
            if (revision == null || revision == 0) {
                bulk.upsert(Query.query(Criteria.where("_id").is(a.id())), update.inc("rev", 1));
                revisions.add(null);
            } else {
                bulk.updateOne(Query.query(Criteria.where("_id").is(a.id()).and("rev").is(revision)),
                        update.set("rev", revision + 1));
                revisions.add(revision + 1);
            }
        }
        com.mongodb.bulk.BulkWriteResult result;
        try {
            result = bulk.execute();
        } catch (DuplicateKeyException | org.springframework.data.mongodb.BulkOperationException e) {
            throw new ConcurrentPostingException(timebankId, e);
        }
        if (result.getMatchedCount() + result.getUpserts().size() != accounts.size()) {
            throw new ConcurrentPostingException(timebankId, null);
        }
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            Long revision = revisions.get(i);
            if (w != null) {
                if (revision == null) {
                    w.forgetAccount(a.id()); // its revision is not known here: read it again when next needed
                } else {
                    w.account(a, revision);
                }
            }
        }
    }

    private void saveContributions(String timebankId, List<Contribution> contributions, List<OutboxEntry> outbox,
                                   List<Document> stored) {
        boolean single = contributions.size() == 1;
        for (Contribution c : contributions) {
            String id = key(timebankId, c.id());
            ContributionState before = storedState(timebankId, c.id());
            Document contribution = bson(c);
            if (before == null) {
                try {
                    mongo.insert(new Document("_id", id).append("state", c.state().name()).append("contribution", contribution)
                            .append("outbox", single ? stored : List.of()), CONTRIBUTIONS);
                } catch (DuplicateKeyException e) {
                    throw new ConcurrentPostingException(timebankId, e);
                }
            } else {
                Update update = new Update().set("state", c.state().name()).set("contribution", contribution);
                if (single && !outbox.isEmpty()) {
                    update.push("outbox").each(stored.toArray());
                }
                // Conditional on the state this command read: of two instances, one wins, the other retries.
                if (mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("state").is(before.name())), update,
                        CONTRIBUTIONS).getMatchedCount() == 0) {
                    throw new ConcurrentPostingException(timebankId, null);
                }
            }
            remember(timebankId, w -> w.contribution(c));
            if (single && !outbox.isEmpty()) {
                written.get().add(before == null ? new OutboxRelay.Pending(CONTRIBUTIONS, id, outbox)
                        : OutboxRelay.Pending.readBack(CONTRIBUTIONS, id));
            }
        }
    }

    private Document bson(OutboxEntry entry) {
        Document stored = new Document("eventId", entry.eventId()).append("type", entry.type())
                .append("payload", entry.payload()).append("occurredAt", java.util.Date.from(entry.occurredAt()));
        WriterState w = writer.get();
        if (w != null) {
            stored.append(ORDER, w.nextOrder());
        }
        return stored;
    }

    /** An account's fields as stored, without its id and revision. */
    static Document fields(Account a) {
        return new Document("timebankId", a.timebankId()).append("kind", a.kind().name()).append("active", a.active())
                .append("balance", a.balance()).append("debitsPending", a.debitsPending())
                .append("creditsPending", a.creditsPending()).append("lastSequence", a.lastSequence());
    }

    void outboxWritten(OutboxRelay.Pending pending) {
        written.get().add(pending);
    }

    private static Account account(Document d) {
        return new Account(d.getString("_id"), d.getString("timebankId"), AccountKind.valueOf(d.getString("kind")),
                d.getBoolean("active", true), d.getLong("balance"), d.getLong("debitsPending"),
                d.getLong("creditsPending"), d.getLong("lastSequence"));
    }

    static String key(String timebankId, String id) {
        return timebankId + "/" + id;
    }

    static String entryKey(String timebankId, long sequence) {
        // zero-padded to 12 digits so keys sort by sequence (String.format parses its pattern each call)
        String digits = Long.toString(sequence);
        return timebankId + "/" + "0".repeat(Math.max(0, 12 - digits.length())) + digits;
    }

    /** A ledger entry as stored, with the rest of its change and its events. */
    record EntryDocument(@org.springframework.data.annotation.Id String id, String transferKey, LedgerEntry entry,
                         List<Account> accounts, List<Contribution> contributions, ChainHead head,
                         List<Document> outbox, List<LedgerEntry> more) {
    }

    record ContributionDocument(@org.springframework.data.annotation.Id String id, Contribution contribution,
                                List<OutboxEntry> outbox) {
    }

    private record CachedPolicy(Policy policy, long expires) {
    }

    /** Another writer committed first; the command is retried on the fresh state. */
    static final class ConcurrentPostingException extends RuntimeException {
        ConcurrentPostingException(String timebankId, Throwable cause) {
            super("another writer changed timebank " + timebankId + " first", cause);
        }
    }

}
