package org.reciprocity.ledger.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.reciprocity.contracts.erasure.ErasureRequested;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberErased;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.ledger.book.Bookkeeping;
import org.reciprocity.ledger.book.ContributionState;
import org.reciprocity.ledger.book.LedgerRefusal;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The start of a member's erasure in the ledger's register (docs/personal-data.md 3.1): one
 * conditional update of the member's document forgets their name, e-mail, language, roles, kind and
 * the words kept about them, marks them {@code ERASED}, and writes {@link MemberErased} (the signal for
 * every service, this one included: see {@link ErasureConsumer}) and the erased
 * {@link MemberDetailsRecorded} into the same document's outbox, so the change and its announcement
 * are never apart. Also a member's own request to be erased, and the admin's list of those requests.
 */
@Service
public class MemberErasure {

    static final String MEMBERS = "members";
    static final String ERASED = "ERASED";
    /** Fields of a member document that say who the person is, or what someone wrote about them. */
    static final List<String> PERSONAL_FIELDS = List.of("displayName", "email", "language", "kind", "kinds", "roles",
            "statusReason", "contact", "consent.agreedTo", "supporters");
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final Bookkeeping bookkeeping;
    private final OutboxRelay relay;
    private final ErasureStatus status;
    private final Clock clock;

    MemberErasure(MongoTemplate mongo, Bookkeeping bookkeeping, OutboxRelay relay, ErasureStatus status, Clock clock) {
        this.mongo = mongo;
        this.bookkeeping = bookkeeping;
        this.relay = relay;
        this.status = status;
        this.clock = clock;
    }

    /** What an erasure request answered: the status, and whether this request did the erasing. */
    public record Outcome(ErasureStatus.View status, boolean erasedNow) {
    }

    /**
     * Erases the member, once. Refused while a contribution of theirs is open (a coordinator settles
     * it first: its minutes are not posted yet, and the other person may still need to say yes), and
     * for an admin erasing themselves.
     */
    public Outcome erase(String timebankId, String memberId, String by) {
        Document member = require(timebankId, memberId);
        if (ERASED.equals(member.getString("status"))) {
            return new Outcome(status.of(timebankId, member), false);
        }
        if (memberId.equals(by)) {
            throw ApiException.of(ErasureRefusal.CANNOT_ERASE_YOURSELF);
        }
        // under the timebank's write lease: no contribution of theirs is logged between the check and
        // the account being closed, and from then on nobody can log one with them
        bookkeeping.run(timebankId, ledger -> {
            long open = openContributions(timebankId, memberId);
            if (open > 0) {
                throw ApiException.of(ErasureRefusal.ERASURE_WAITS_FOR_OPEN_CONTRIBUTIONS, "open", open);
            }
            bookkeeping.store().setActive(timebankId, memberId, false);
            return null;
        });
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document now = require(timebankId, memberId);
            if (ERASED.equals(now.getString("status"))) {
                return new Outcome(status.of(timebankId, now), false);
            }
            long version = now.get("version") instanceof Number n ? n.longValue() : 0;
            if (write(timebankId, memberId, by, version)) {
                relay.flush(MEMBERS, memberId);
                return new Outcome(status.of(timebankId, require(timebankId, memberId)), true);
            }
        }
        throw ApiException.of(ErasureRefusal.ERASURE_CHANGED_MEANWHILE);
    }

    /** The one write: only if not erased yet and unchanged since read (its version goes in the details record). */
    private boolean write(String timebankId, String memberId, String by, long version) {
        Instant at = Instant.now(clock);
        Criteria unchanged = Criteria.where("_id").is(memberId).and("timebankId").is(timebankId).and("status").ne(ERASED);
        unchanged = version == 0
                ? unchanged.orOperator(Criteria.where("version").is(0), Criteria.where("version").exists(false))
                : unchanged.and("version").is(version);
        Update update = new Update().set("status", ERASED).set("erasedAt", Date.from(at)).set("erasedBy", by)
                .set("version", version + 1)
                .push("outbox").each(OutboxEntry.of(new MemberErased(UUID.randomUUID(), at, timebankId, memberId, by)),
                        OutboxEntry.of(MemberDetailsRecorded.ofErased(UUID.randomUUID(), at, timebankId, memberId,
                                version + 1)));
        PERSONAL_FIELDS.forEach(update::unset);
        return mongo.updateFirst(Query.query(unchanged), update, MEMBERS).getModifiedCount() == 1;
    }

    /** Contributions of the member still waiting for a confirmation (LOGGED) or a coordinator (DISPUTED). */
    long openContributions(String timebankId, String memberId) {
        Query open = Query.query(Criteria.where("contribution.timebankId").is(timebankId)
                .and("state").in(ContributionState.LOGGED.name(), ContributionState.DISPUTED.name())
                .orOperator(Criteria.where("contribution.giverId").is(memberId),
                        Criteria.where("contribution.receiverId").is(memberId)));
        return mongo.count(open, "contributions");
    }

    /**
     * The member asks to be erased: recorded on their document with {@link ErasureRequested} in its
     * outbox, in one update that only a first request (of a member not erased) makes.
     */
    void request(String timebankId, String memberId) {
        Document member = require(timebankId, memberId);
        if (ERASED.equals(member.getString("status")) || member.get("erasureRequestedAt") != null) {
            return;
        }
        Instant at = Instant.now(clock);
        var updated = mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId).and("timebankId").is(timebankId)
                        .and("status").ne(ERASED).and("erasureRequestedAt").exists(false)),
                new Update().set("erasureRequestedAt", Date.from(at)).push("outbox",
                        OutboxEntry.of(new ErasureRequested(UUID.randomUUID(), at, timebankId, memberId, memberId))),
                MEMBERS);
        if (updated.getModifiedCount() == 1) {
            relay.flush(MEMBERS, memberId);
        }
    }

    /** A member who asked to be erased and is not yet, as the admin's list shows them. */
    record Request(String memberId, String displayName, Instant requestedAt) {
    }

    /**
     * The members of the timebank who asked to be erased and are not erased yet, oldest request
     * first. Read like the member list: the timebank's members, in the store's scan, with only the
     * fields the list shows.
     */
    List<Request> requests(String timebankId) {
        Query asked = Query.query(Criteria.where("timebankId").is(timebankId).and("erasureRequestedAt").exists(true)
                .and("status").ne(ERASED)).with(Sort.by("erasureRequestedAt", "_id"));
        asked.fields().include("displayName", "erasureRequestedAt");
        List<Request> requests = new ArrayList<>();
        for (Document d : mongo.find(asked, Document.class, MEMBERS)) {
            requests.add(new Request(d.getString("_id"), d.getString("displayName"),
                    d.getDate("erasureRequestedAt").toInstant()));
        }
        return requests;
    }

    /** The member's document, if they belong to this timebank; another timebank's member is "not found". */
    Document require(String timebankId, String memberId) {
        Document member = mongo.findById(memberId, Document.class, MEMBERS);
        if (member == null || !timebankId.equals(member.getString("timebankId"))) {
            throw new ApiException(LedgerRefusal.NO_MEMBER.with("member", memberId));
        }
        return member;
    }
}
