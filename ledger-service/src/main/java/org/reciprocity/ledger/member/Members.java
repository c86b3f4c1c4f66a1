package org.reciprocity.ledger.member;

import java.time.Clock;
import java.util.Set;

import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberReactivated;
import org.reciprocity.contracts.member.MemberSuspended;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.ledger.book.Bookkeeping;
import org.reciprocity.ledger.book.LedgerRefusal;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.ledger.timebank.Timebanks;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Registers members and finds them, never across timebanks. */
@Service
public class Members {

    static final String COLLECTION = "members";
    static final int MAX_SUPPORTERS = 10;
    static final int MAX_SUPPORTED = 50;

    private final MongoTemplate mongo;
    private final Timebanks timebanks;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Bookkeeping bookkeeping;

    Members(MongoTemplate mongo, Timebanks timebanks, OutboxRelay relay, Clock clock, Bookkeeping bookkeeping) {
        this.mongo = mongo;
        this.timebanks = timebanks;
        this.relay = relay;
        this.clock = clock;
        this.bookkeeping = bookkeeping;
    }

    Member register(String timebankId, MemberKind kind, String displayName, String email, String language,
                    Set<String> roles, String registeredBy) {
        timebanks.require(timebankId);
        Member.Registered registered;
        try {
            registered = Member.register(timebankId, kind, displayName, email, language, roles, registeredBy, clock);
        } catch (Member.Invalid invalid) {
            throw new ApiException(invalid.refusal());
        }
        mongo.insert(MemberDocument.of(registered));
        // handed to the relay's thread: the answer depends on the store alone, never on the broker
        relay.flush(COLLECTION, registered.member().id());
        return registered.member();
    }

    /** Suspends a member: they can neither log nor spend until a coordinator reactivates them. */
    Member suspend(String timebankId, String memberId, String by, String reason) {
        // the reason stays in the member's document (statusReason), off the members topic, which is kept for ever
        return changeStatus(timebankId, memberId, MemberStatus.SUSPENDED, new MemberSuspended(UUID.randomUUID(),
                clock.instant(), timebankId, memberId, by, null), by, reason);
    }

    Member reactivate(String timebankId, String memberId, String by, String reason) {
        return changeStatus(timebankId, memberId, MemberStatus.ACTIVE, new MemberReactivated(UUID.randomUUID(),
                clock.instant(), timebankId, memberId, by), by, reason);
    }

    private Member changeStatus(String timebankId, String memberId, MemberStatus status, DomainEvent event) {
        return changeStatus(timebankId, memberId, status, event, null, null);
    }

    /** The status, why (kept on the member's record for coordinators), who and when: one update with the event. */
    private Member changeStatus(String timebankId, String memberId, MemberStatus status, DomainEvent event, String by,
                                String reason) {
        Member member = require(timebankId, memberId);
        if (member.status() == MemberStatus.ERASED) {
            // issue 18: an erased member is no one to suspend or bring back
            throw new ApiException(LedgerRefusal.NO_MEMBER.with("member", memberId));
        }
        // the account first: a retry after a failure here still reaches it, and until the member's
        // status (and its event) is written the change has not been announced
        bookkeeping.run(timebankId, ledger -> {
            bookkeeping.store().setActive(timebankId, memberId, status == MemberStatus.ACTIVE);
            return null;
        });
        if (member.status() == status) {
            return member;
        }
        // never over an erasure that landed since the read
        mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId).and("status").ne(MemberStatus.ERASED.name())),
                new Update().set("status", status).set("statusReason", reason == null || reason.isBlank() ? null : reason.strip())
                        .set("statusChangedBy", by).set("statusChangedAt", event.occurredAt())
                        .push("outbox", OutboxEntry.of(event)), COLLECTION);
        relay.flush(COLLECTION, memberId);
        return require(timebankId, memberId);
    }

    /** The member names someone (a carer, a peer) who may log and act for them. */
    void addSupporter(String timebankId, String memberId, String supporterId) {
        require(timebankId, memberId);
        require(timebankId, supporterId);
        if (memberId.equals(supporterId)) {
            throw ApiException.of(MemberRefusal.SUPPORTER_IS_SOMEONE_ELSE);
        }
        // the size condition keeps the list bounded even when two requests race
        var updated = mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId)
                .and("supporters." + (MAX_SUPPORTERS - 1)).exists(false)), new Update().addToSet("supporters", supporterId),
                COLLECTION);
        if (updated.getMatchedCount() == 0 && !supporters(timebankId, memberId).contains(supporterId)) {
            throw ApiException.of(MemberRefusal.TOO_MANY_SUPPORTERS, "max", MAX_SUPPORTERS);
        }
    }

    /** Consent withdrawn: from now on the supporter can no longer act for the member. */
    void removeSupporter(String timebankId, String memberId, String supporterId) {
        require(timebankId, memberId);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId)), new Update().pull("supporters", supporterId),
                COLLECTION);
    }

    java.util.List<String> supporters(String timebankId, String memberId) {
        require(timebankId, memberId);
        org.bson.Document member = mongo.findById(memberId, org.bson.Document.class, COLLECTION);
        return member == null ? java.util.List.of() : member.getList("supporters", String.class, java.util.List.of());
    }

    /**
     * The members of this timebank who named {@code supporterId} as their supporter, by name. Bounded:
     * a member may be named by many, but the page lists at most {@value #MAX_SUPPORTED}.
     */
    java.util.List<Member> supportedBy(String timebankId, String supporterId) {
        require(timebankId, supporterId);
        Query query = Query.query(Criteria.where("timebankId").is(timebankId).and("supporters").is(supporterId))
                .with(org.springframework.data.domain.Sort.by("displayName")).limit(MAX_SUPPORTED);
        return mongo.find(query, MemberDocument.class).stream().map(MemberDocument::toMember).toList();
    }

    /** Whether {@code memberId} named {@code supporterId} as someone who may act for them. */
    public boolean isSupporter(String timebankId, String memberId, String supporterId) {
        org.bson.Document member = mongo.findById(memberId, org.bson.Document.class, COLLECTION);
        return member != null && timebankId.equals(member.getString("timebankId"))
                && member.getList("supporters", String.class, java.util.List.of()).contains(supporterId);
    }

    /** The member, if they belong to this timebank; another timebank's member is "not found". */
    public Member require(String timebankId, String memberId) {
        MemberDocument document = mongo.findById(memberId, MemberDocument.class);
        if (document == null || !document.timebankId().equals(timebankId)) {
            throw new ApiException(LedgerRefusal.NO_MEMBER.with("member", memberId));
        }
        return document.toMember();
    }
}
