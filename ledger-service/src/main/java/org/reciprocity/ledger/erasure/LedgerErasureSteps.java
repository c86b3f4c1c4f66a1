package org.reciprocity.ledger.erasure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.reciprocity.contracts.Topics;
import org.reciprocity.kit.access.ReadLog;
import org.reciprocity.kit.erasure.ErasureConfirmations;
import org.reciprocity.kit.erasure.KitErasure;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.ledger.account.Corrections;
import org.reciprocity.ledger.book.Bookkeeping;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What the ledger forgets of an erased member beyond their register entry, one step a collection.
 * Every step is keyed by the member's id and repeatable (blanking what is blank, deleting what is
 * gone, changes nothing), so a crash between two of them is mended by running them all again; the
 * confirmation is last and goes out once.
 *
 * <p>Kept: ledger entries and accounts (ids, minutes, balances: every timebank still sums to zero,
 * and the hash chain covers none of the words blanked here), the states and dates of contributions,
 * and the member's {@code consents} history — it holds ids and facts only (which consent, given or
 * withdrawn, when, how, by whom), and it is the proof of what the person allowed while they were a member.
 */
@Component
class LedgerErasureSteps {

    static final String SERVICE = Topics.LEDGER;
    static final String CONTRIBUTIONS = "contributions";
    static final String ENTRIES = "ledger_entries";
    static final String RECORDS = "contribution_records";
    static final String ORGANISATIONS = "organisations";
    /** The words about a contribution: what was done, the thank-you, the dispute's reason, a coordinator's note. */
    static final List<String> WORDS = List.of("description", "note");
    static final List<String> COLLECTIONS = List.of(MemberErasure.MEMBERS, CONTRIBUTIONS, ENTRIES, RECORDS, ORGANISATIONS,
            Corrections.COLLECTION, "consents", ReadLog.COLLECTION, KitErasure.PARKED, KitErasure.IDEMPOTENCY);

    private final MongoTemplate mongo;
    private final Bookkeeping bookkeeping;
    private final OutboxRelay relay;
    private final ErasureConfirmations confirmations;

    LedgerErasureSteps(MongoTemplate mongo, Bookkeeping bookkeeping, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.bookkeeping = bookkeeping;
        this.relay = relay;
        this.confirmations = new ErasureConfirmations(mongo, SERVICE, clock);
    }

    /** Every step, the confirmation last. */
    void eraseAll(String timebankId, String memberId) {
        blankContributions(timebankId, memberId);
        blankCorrections(timebankId, memberId);
        forgetAsSupporterAndStaff(timebankId, memberId);
        deleteRecordsAndReads(timebankId, memberId);
        new KitErasure(mongo).forget(memberId);
        confirm(timebankId, memberId);
    }

    /**
     * The words of every contribution the member gave or received, in {@code contributions} and in the
     * copies embedded in {@code ledger_entries}: a note or a reason is about both people, so the other
     * side's words go too. Alone in the timebank, and the writer then reads afresh, so no cached copy
     * is written back.
     */
    void blankContributions(String timebankId, String memberId) {
        bookkeeping.runAndReadAfresh(timebankId, () -> {
            Update blank = new Update();
            WORDS.forEach(word -> blank.unset("contribution." + word));
            mongo.updateMulti(Query.query(PersonalData.contributions(timebankId, memberId)), blank, CONTRIBUTIONS);
            Query entries = Query.query(PersonalData.entriesWithContributions(timebankId, memberId));
            entries.fields().include("contributions");
            for (Document entry : mongo.find(entries, Document.class, ENTRIES)) {
                List<Document> copies = new ArrayList<>(entry.getList("contributions", Document.class, List.of()));
                boolean changed = false;
                for (Document copy : copies) {
                    if ((memberId.equals(copy.getString("giverId")) || memberId.equals(copy.getString("receiverId")))
                            && WORDS.stream().anyMatch(copy::containsKey)) {
                        WORDS.forEach(copy::remove);
                        changed = true;
                    }
                }
                if (changed) {
                    // the embedded copies only: the entry, its hash and its outbox are other fields
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.get("_id"))),
                            new Update().set("contributions", copies), ENTRIES);
                }
            }
        });
    }

    /** A coordinator's reason for reversing a transfer of the member's: words about them (ids, dates and minutes stay). */
    void blankCorrections(String timebankId, String memberId) {
        mongo.updateMulti(Query.query(Corrections.naming(timebankId, memberId)), new Update().unset(Corrections.REASON),
                Corrections.COLLECTION);
    }

    /** Other members' supporters and organisations' staff no longer name the member. */
    void forgetAsSupporterAndStaff(String timebankId, String memberId) {
        mongo.updateMulti(Query.query(PersonalData.namedAsSupporter(timebankId, memberId)),
                new Update().pull("supporters", memberId), MemberErasure.MEMBERS);
        mongo.updateMulti(Query.query(PersonalData.staffOf(timebankId, memberId)),
                new Update().pull("staffIds", memberId), ORGANISATIONS);
    }

    /**
     * The member's signed contribution records (a verifier then finds none: "not found") and the
     * list of who looked at their data ({@code sensitive_reads}, {@code _id} {@code timebank/member/month}).
     */
    void deleteRecordsAndReads(String timebankId, String memberId) {
        mongo.remove(Query.query(PersonalData.records(timebankId, memberId)), RECORDS);
        mongo.remove(Query.query(PersonalData.reads(timebankId, memberId)), ReadLog.COLLECTION);
    }

    /** The last step: the ledger's {@code ErasureConfirmed}, once, whoever gets here first. */
    boolean confirm(String timebankId, String memberId) {
        boolean confirmed = confirmations.confirm(timebankId, memberId, COLLECTIONS);
        // the relay's scan would publish it too; this sends it now. The id is the kit's (timebank/member).
        relay.flush(ErasureConfirmations.COLLECTION, timebankId + "/" + memberId);
        return confirmed;
    }
}
