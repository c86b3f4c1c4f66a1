package org.reciprocity.ledger.account;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.reciprocity.ledger.book.LedgerEntry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Why a coordinator reversed a transfer, in their words (issue 18, docs/personal-data.md 2.3): no
 * longer on the ledger topic ({@code TransferReversed.reason} is published null, like every other
 * free text), kept here, one document per reversal ({@code _id} {@code timebank/reversalTransferId}),
 * and shown on the reversed contribution's page to whom may read it ({@code READ_CONTRIBUTION}).
 * The words are about the two accounts' people, so erasing either of them removes them
 * ({@link #naming}).
 *
 * <p>Two documents change when a coordinator corrects a transfer (these words, then the ledger's
 * reversal), so the words are written first, keyed by the one id the reversal can have
 * ({@code Ledger.reversalIdOf}): a crash between the two leaves words nobody reads (a contribution shows
 * them only once its reversal exists, and the retry writes them again), never a reversal without its
 * words. Once the reversal is posted they are marked {@code posted} and no later request changes them.
 */
@Component
public class Corrections {

    public static final String COLLECTION = "corrections";
    public static final String REASON = "reason";
    private static final String POSTED = "posted";

    private final MongoTemplate mongo;

    Corrections(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Keeps the words of a reversal about to be posted, unless the reversal is posted already (then
     * the first words stay). {@code original} is the transfer being reversed: its two accounts are the
     * people the words concern.
     */
    void intend(String timebankId, String reversalTransferId, LedgerEntry original, String by, String reason) {
        Query notPosted = Query.query(Criteria.where("_id").is(id(timebankId, reversalTransferId)).and(POSTED).ne(true));
        try {
            mongo.upsert(notPosted, new Update().setOnInsert("timebankId", timebankId)
                    .setOnInsert("transferId", reversalTransferId).setOnInsert("reverses", original.transferId())
                    .set("accounts", List.of(original.creditAccountId(), original.debitAccountId()))
                    .set("by", by).set(REASON, reason.strip()), COLLECTION);
        } catch (DuplicateKeyException postedAlready) {
            // the reversal was posted with its words: a request asked again keeps them
        }
    }

    /** The reversal is posted: its words are now the ones shown, and stay. */
    void posted(LedgerEntry reversal) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id(reversal.timebankId(), reversal.transferId()))),
                new Update().set(POSTED, true).set("at", reversal.postedAt()), COLLECTION);
    }

    /** The reversal was refused: words written for it are dropped, unless a reversal was posted with them. */
    void dropUnposted(String timebankId, String reversalTransferId) {
        mongo.remove(Query.query(Criteria.where("_id").is(id(timebankId, reversalTransferId)).and(POSTED).ne(true)),
                COLLECTION);
    }

    /** The coordinator's words for a reversal, if kept (and not erased with one of its people). */
    public Optional<String> reasonFor(String timebankId, String reversalTransferId) {
        if (reversalTransferId == null) {
            return Optional.empty();
        }
        Document kept = mongo.findById(id(timebankId, reversalTransferId), Document.class, COLLECTION);
        return Optional.ofNullable(kept).map(d -> d.getString(REASON));
    }

    /** The reversals moving the member's time: their words name or concern the member. */
    public static Criteria naming(String timebankId, String memberId) {
        return Criteria.where("timebankId").is(timebankId).and("accounts").is(memberId);
    }

    private static String id(String timebankId, String reversalTransferId) {
        return timebankId + "/" + reversalTransferId;
    }
}
