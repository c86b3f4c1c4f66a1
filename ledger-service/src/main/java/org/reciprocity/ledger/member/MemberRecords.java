package org.reciprocity.ledger.member;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;
import org.reciprocity.contracts.member.MemberDetailsChanged;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberDetailsRecorded.KindSince;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.ledger.timebank.Timebanks;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * What a coordinator keeps about members (issue 16): finding them by name, a page at a time;
 * registering a paper-first member with the consent they gave; changing a member's details (and
 * telling the other services, MemberDetailsChanged).
 * Everything a change writes is in the one member document, so each change is whole or absent:
 * MongoDB (and mongo-java-server) write one document atomically.
 */
@Service
public class MemberRecords {

    /** The most members one page lists: a page is bounded whatever the timebank's size. */
    public static final int MAX_PAGE = 100;
    static final int MAX_CONTACT = 200;
    static final int MAX_CONSENT = 500;
    /** Tries of a change of details when other changes of the same member keep landing in between. */
    private static final int EDIT_ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final Timebanks timebanks;
    private final OutboxRelay relay;
    private final Clock clock;

    MemberRecords(MongoTemplate mongo, Timebanks timebanks, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.timebanks = timebanks;
        this.relay = relay;
        this.clock = clock;
        // the list reads one timebank's members in name order
        mongo.indexOps(Members.COLLECTION).createIndex(new Index().on("timebankId", Sort.Direction.ASC)
                .on("displayName", Sort.Direction.ASC));
    }

    /** One member as the list shows them; {@code lastActivityAt} is their last posted transfer, else when they joined. */
    public record Summary(String id, String displayName, MemberKind kind, MemberStatus status, boolean paperFirst,
                          Instant registeredAt, Instant lastActivityAt) {
    }

    public record Page(long total, int page, int size, List<Summary> members) {
    }

    /** The consent a paper-first member gave: what to, who wrote it down, when. */
    public record Consent(String agreedTo, String recordedBy, Instant recordedAt) {
    }

    /** A member's record for a coordinator: the member, how to reach them, their consent, why their status is what it is. */
    public record MemberRecord(Member member, boolean paperFirst, String contact, Consent consent, String statusReason,
                               String statusChangedBy, Instant statusChangedAt, Instant lastActivityAt) {
    }

    /**
     * Members of the timebank whose name contains {@code name} (any case), optionally of one status,
     * in name order. Reads one page of members and, for those only, their accounts and last entries:
     * three bounded reads whatever the timebank's size.
     */
    public Page search(String timebankId, String name, MemberStatus status, int page, int size) {
        timebanks.require(timebankId);
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        int from = Math.max(0, page);
        Criteria criteria = Criteria.where("timebankId").is(timebankId);
        String wanted = name == null ? "" : name.strip();
        if (!wanted.isEmpty()) {
            // quoted: what a coordinator types is text to find, never a pattern
            criteria = criteria.and("displayName").regex(Pattern.compile(Pattern.quote(wanted),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        long total = mongo.count(Query.query(criteria), Members.COLLECTION);
        Query query = Query.query(criteria).with(Sort.by("displayName", "_id")).skip((long) from * limit).limit(limit);
        query.fields().include("displayName", "kind", "status", "registeredAt", "paperFirst");
        List<Document> found = mongo.find(query, Document.class, Members.COLLECTION);
        Map<String, Instant> lastActivity = lastActivity(timebankId, found.stream().map(d -> d.getString("_id")).toList());
        List<Summary> members = new ArrayList<>();
        for (Document d : found) {
            Instant registered = instant(d.get("registeredAt"));
            // an erased member (status ERASED) has no name or kind left: the list shows them as such
            String kind = d.getString("kind");
            members.add(new Summary(d.getString("_id"), d.getString("displayName"), kind == null ? null : MemberKind.valueOf(kind),
                    MemberStatus.valueOf(d.getString("status")), d.getBoolean("paperFirst", false), registered,
                    lastActivity.getOrDefault(d.getString("_id"), registered)));
        }
        return new Page(total, from, limit, members);
    }

    /**
     * When each member's account last moved: its last ledger entry's time, read by the entry's key
     * (the account keeps the sequence of the last entry it took part in).
     */
    private Map<String, Instant> lastActivity(String timebankId, List<String> memberIds) {
        Map<String, Instant> last = new HashMap<>();
        if (memberIds.isEmpty()) {
            return last;
        }
        Query accounts = Query.query(Criteria.where("_id").in(memberIds).and("timebankId").is(timebankId));
        accounts.fields().include("lastSequence");
        Map<String, String> entryOf = new HashMap<>();
        for (Document a : mongo.find(accounts, Document.class, "accounts")) {
            Number sequence = a.get("lastSequence", Number.class);
            if (sequence != null && sequence.longValue() > 0) {
                entryOf.put(entryKey(timebankId, sequence.longValue()), a.getString("_id"));
            }
        }
        if (entryOf.isEmpty()) {
            return last;
        }
        Query entries = Query.query(Criteria.where("_id").in(entryOf.keySet()));
        entries.fields().include("entry.postedAt");
        for (Document e : mongo.find(entries, Document.class, "ledger_entries")) {
            Document entry = e.get("entry", Document.class);
            Instant at = entry == null ? null : instant(entry.get("postedAt"));
            if (at != null) {
                last.put(entryOf.get(e.getString("_id")), at);
            }
        }
        return last;
    }

    /** The key ledger entries are stored under (MongoBookStore's, zero-padded so keys sort by sequence). */
    private static String entryKey(String timebankId, long sequence) {
        String digits = Long.toString(sequence);
        return timebankId + "/" + "0".repeat(Math.max(0, 12 - digits.length())) + digits;
    }

    /**
     * Registers a member who will not use the portal: no e-mail needed, how to reach them (a phone,
     * "through the Tuesday group") and the consent they gave for a coordinator or their supporters to
     * log hours for them, written with the member in one insert.
     */
    public MemberRecord registerPaperFirst(String timebankId, MemberKind kind, String displayName, String email,
                                           String language, String contact, String agreedTo, String recordedBy) {
        timebanks.require(timebankId);
        String cleanContact = contact == null || contact.isBlank() ? null : contact.strip();
        if (cleanContact != null && cleanContact.length() > MAX_CONTACT) {
            throw ApiException.of(MemberRefusal.CONTACT_TOO_LONG, "max", MAX_CONTACT);
        }
        if (agreedTo == null || agreedTo.isBlank() || agreedTo.length() > MAX_CONSENT) {
            throw ApiException.of(MemberRefusal.CONSENT_NOT_WRITTEN, "max", MAX_CONSENT);
        }
        Member.Registered registered;
        try {
            registered = Member.register(timebankId, kind, displayName, email, language, Set.of("MEMBER"), recordedBy, clock);
        } catch (Member.Invalid invalid) {
            throw new ApiException(invalid.refusal());
        }
        Consent consent = new Consent(agreedTo.strip(), recordedBy, registered.member().registeredAt());
        Document stored = new Document();
        mongo.getConverter().write(MemberDocument.of(registered), stored);
        stored.append("paperFirst", true).append("contact", cleanContact)
                .append("consent", new Document("agreedTo", consent.agreedTo()).append("recordedBy", consent.recordedBy())
                        .append("recordedAt", java.util.Date.from(consent.recordedAt())));
        mongo.insert(stored, Members.COLLECTION);
        relay.flush(Members.COLLECTION, registered.member().id());
        return record(timebankId, registered.member().id());
    }

    /** The member's whole record, for a coordinator. */
    public MemberRecord record(String timebankId, String memberId) {
        Document d = document(timebankId, memberId);
        MemberDocument typed = mongo.getConverter().read(MemberDocument.class, d);
        Document consent = d.get("consent", Document.class);
        return new MemberRecord(typed.toMember(), d.getBoolean("paperFirst", false), d.getString("contact"),
                consent == null ? null : new Consent(consent.getString("agreedTo"), consent.getString("recordedBy"),
                        instant(consent.get("recordedAt"))),
                d.getString("statusReason"), d.getString("statusChangedBy"), instant(d.get("statusChangedAt")),
                lastActivity(timebankId, List.of(memberId)).getOrDefault(memberId, typed.registeredAt()));
    }

    /** Whether the member's consent for others to log hours for them is on record. */
    public boolean consentOnRecord(String timebankId, String memberId) {
        Query query = Query.query(Criteria.where("_id").is(memberId).and("timebankId").is(timebankId)
                .and("consent").exists(true));
        return mongo.exists(query, Members.COLLECTION);
    }

    /**
     * Changes what a coordinator may change: the name, e-mail, language and kind; a field left out
     * stays as it is. Checked as a registration is, then written in one update with the
     * MemberDetailsChanged (ids and version) and the MemberDetailsRecorded (the details, the kind history)
     * that tell matching and notification, and the next version. The update
     * is conditional on the version read, so two changes at once cannot both build on the same
     * details (the second is worked out again from the first's result). Details that are already
     * so change nothing and publish nothing.
     */
    public MemberRecord edit(String timebankId, String memberId, String displayName, String email, String language,
                             MemberKind kind, String by) {
        for (int attempt = 0; attempt < EDIT_ATTEMPTS; attempt++) {
            MemberDocument stored = mongo.getConverter().read(MemberDocument.class, document(timebankId, memberId));
            Member now = stored.toMember();
            if (now.status() == MemberStatus.ERASED) {
                // issue 18: an erased member's details are gone for good, not to be written again
                throw new ApiException(org.reciprocity.ledger.book.LedgerRefusal.NO_MEMBER.with("member", memberId));
            }
            Member checked;
            try {
                checked = Member.register(timebankId, kind == null ? now.kind() : kind,
                        displayName == null ? now.displayName() : displayName, email == null ? now.email() : email,
                        language == null ? now.language() : language, now.roles(), by, clock).member();
            } catch (Member.Invalid invalid) {
                throw new ApiException(invalid.refusal());
            }
            if (sameDetails(now, checked)) {
                return record(timebankId, memberId);
            }
            long version = stored.version() == null ? MemberDocument.REGISTERED : stored.version();
            Instant at = clock.instant();
            List<KindSince> kinds = KindHistory.after(KindHistory.of(stored.kinds(), now.kind(), now.registeredAt()),
                    checked.kind(), at);
            // the fact of the change on the members topic (kept for ever), the details themselves on the
            // compacted details topic, both in this one conditional update
            MemberDetailsChanged changed = new MemberDetailsChanged(UUID.randomUUID(), at, timebankId, memberId,
                    null, null, null, null, version + 1, by);
            MemberDetailsRecorded details = MemberDetails.recorded(timebankId, memberId, checked, now.roles(),
                    version + 1, kinds, at);
            Criteria unchanged = Criteria.where("_id").is(memberId).and("timebankId").is(timebankId);
            unchanged = version == MemberDocument.REGISTERED
                    ? unchanged.orOperator(Criteria.where("version").is(version), Criteria.where("version").exists(false))
                    : unchanged.and("version").is(version);
            var updated = mongo.updateFirst(Query.query(unchanged), new Update().set("displayName", checked.displayName())
                    .set("email", checked.email()).set("language", checked.language()).set("kind", checked.kind())
                    .set("version", version + 1).set("editedBy", by).set("editedAt", at).set("kinds", kinds)
                    .push("outbox").each(OutboxEntry.of(changed), OutboxEntry.of(details)), Members.COLLECTION);
            if (updated.getMatchedCount() == 1) {
                relay.flush(Members.COLLECTION, memberId);
                return record(timebankId, memberId);
            }
        }
        throw ApiException.of(MemberRefusal.CHANGED_MEANWHILE);
    }

    private static boolean sameDetails(Member a, Member b) {
        return a.kind() == b.kind() && a.displayName().equals(b.displayName()) && Objects.equals(a.email(), b.email())
                && a.language().equals(b.language());
    }

    private Document document(String timebankId, String memberId) {
        Document d = mongo.findById(memberId, Document.class, Members.COLLECTION);
        if (d == null || !timebankId.equals(d.getString("timebankId"))) {
            throw new ApiException(org.reciprocity.ledger.book.LedgerRefusal.NO_MEMBER.with("member", memberId));
        }
        return d;
    }

    private static Instant instant(Object value) {
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        return value instanceof Instant instant ? instant : null;
    }
}
