package org.reciprocity.ledger.account;

import java.util.List;

import org.bson.Document;
import org.reciprocity.ledger.book.Account;
import org.reciprocity.ledger.book.Bookkeeping;
import org.springframework.core.log.LogAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back minutes reserved for nothing. Logging a contribution reserves minutes on both
 * accounts, then records the contribution: two writes, so a crash between them (or between
 * closing a contribution and releasing its minutes) can leave a reservation no contribution
 * explains. Every so often each timebank's pending minutes are set back to what its open
 * contributions reserve ({@code Ledger.reconcilePending}), under the timebank's lease like any
 * ledger write; a timebank another instance is writing is left to that instance.
 */
@Component
class ReservationCheck {

    private static final LogAccessor LOG = new LogAccessor(ReservationCheck.class);

    private final MongoTemplate mongo;
    private final Bookkeeping bookkeeping;

    ReservationCheck(MongoTemplate mongo, Bookkeeping bookkeeping) {
        this.mongo = mongo;
        this.bookkeeping = bookkeeping;
    }

    @Scheduled(fixedDelayString = "${reciprocity.ledger.reservation-check:10m}",
            initialDelayString = "${reciprocity.ledger.reservation-check:10m}")
    void check() {
        Query all = new Query();
        all.fields().include("_id");
        for (Document timebank : mongo.find(all, Document.class, "timebanks")) {
            check(timebank.getString("_id"));
        }
    }

    /** Repairs one timebank's reservations now, if no other instance is writing it; the accounts repaired. */
    List<Account> check(String timebankId) {
        List<Account> repaired = bookkeeping.runIfFree(timebankId, ledger -> ledger.reconcilePending(timebankId))
                .orElse(List.of());
        repaired.forEach(a -> LOG.warn(() -> "timebank " + timebankId + ": pending minutes of account " + a.id()
                + " set back to what its open contributions reserve (debits " + a.debitsPending() + ", credits "
                + a.creditsPending() + "); a crash had left a reservation behind"));
        return repaired;
    }
}
