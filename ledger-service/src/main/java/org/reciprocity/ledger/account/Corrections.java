package org.reciprocity.ledger.account;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.reciprocity.ledger.book.LedgerEntry;
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
 * ({@link #naming}). Kept after the reversal is posted, as the first reason given: a reversal asked
 * again answers with the first one and keeps its words.
 */
@Component
public class Corrections {

    public static final String COLLECTION = "corrections";
    public static final String REASON = "reason";

    private final MongoTemplate mongo;

    Corrections(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the reason of a posted reversal, unless one is kept already. */
    void keep(LedgerEntry reversal, String by, String reason) {
        Query id = Query.query(Criteria.where("_id").is(id(reversal.timebankId(), reversal.transferId())));
        mongo.upsert(id, new Update().setOnInsert("timebankId", reversal.timebankId())
                .setOnInsert("transferId", reversal.transferId())
                .setOnInsert("reverses", reversal.reversesTransferId())
                .setOnInsert("accounts", List.of(reversal.debitAccountId(), reversal.creditAccountId()))
                .setOnInsert("by", by).setOnInsert("at", reversal.postedAt())
                .setOnInsert(REASON, reason.strip()), COLLECTION);
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
