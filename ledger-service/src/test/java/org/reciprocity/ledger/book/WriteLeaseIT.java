package org.reciprocity.ledger.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.ledger.LedgerFixture;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One writer per timebank across instances. "Another instance" here is a second set of the
 * ledger's writing parts over the same MongoDB, as a second process would have: its own store,
 * its own leases, its own writer state.
 */
@ServiceIntegrationTest
class WriteLeaseIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    Bookkeeping bookkeeping;

    @Autowired
    WriteLeases leases;

    LedgerFixture given;
    String ann;
    String bo;
    WriteLeases otherLeases;
    Bookkeeping otherInstance;

    @BeforeEach
    void twoInstancesAndATimebank() {
        given = new LedgerFixture(port);
        ann = given.aMember("Ann");
        bo = given.aMember("Bo");
        otherLeases = new WriteLeases(mongo);
        otherInstance = new Bookkeeping(new MongoBookStore(mongo), relay, otherLeases, Clock.systemUTC());
    }

    @AfterEach
    void giveBackTheLeases() {
        otherLeases.releaseAll();
    }

    @Test
    void whileThisInstanceWritesATimebankNoOtherInstanceMay() {
        assertThat(given.logGiven(ann, bo, 30).status()).isEqualTo(201);

        assertThat(otherLeases.claim(given.timebank)).isEmpty();
        assertThat(otherInstance.runIfFree(given.timebank, ledger -> "written")).isEmpty();
        assertThat(bookkeeping.runIfFree(given.timebank, ledger -> "written")).contains("written");
    }

    @Test
    void aTimebankAnotherInstanceWritesIsLeftToIt() {
        assertThat(otherInstance.runIfFree(given.timebank, ledger -> "written")).contains("written");

        assertThat(bookkeeping.runIfFree(given.timebank, ledger -> "written")).isEmpty();

        otherInstance.releaseLeases();
        assertThat(bookkeeping.runIfFree(given.timebank, ledger -> "written")).contains("written");
    }

    @Test
    void whatAnotherInstanceWroteIsReadAfreshWhenTheLeaseComesBack() {
        String contribution = given.logGiven(ann, bo, 45).text("id");
        // this instance now keeps Ann's and Bo's accounts in memory; it gives the lease back as when idle
        releaseHere();

        Ledger.Actor boActs = new Ledger.Actor(bo, Set.of("MEMBER"));
        Optional<Decision<Contribution>> validated = otherInstance.runIfFree(given.timebank,
                ledger -> ledger.validate(given.timebank, contribution, boActs, "thank you"));
        assertThat(validated).hasValueSatisfying(d -> assertThat(d.isAccepted()).isTrue());
        otherInstance.releaseLeases();

        // a stale copy here would post Bo's gift from a balance without the 45 minutes, and undo them
        ApiClient.Response gift = given.api.post(given.path("/gifts"), given.as(bo),
                Map.of("id", "gift-1", "toAccountId", ann, "minutes", 15));
        assertThat(gift.status()).as(gift.body()).isEqualTo(201);

        assertThat(given.balance(ann)).isEqualTo(45 + 15);
        assertThat(given.balance(bo)).isEqualTo(-45 - 15);
        assertThat(given.sumOfBalances()).isZero();
        ApiClient.Response verification = given.api.get(given.path("/ledger/verification"), given.admin());
        assertThat(verification.json().path("intact").asBoolean()).as(verification.body()).isTrue();
        assertThat(verification.json().path("entriesChecked").asLong()).isEqualTo(2);
    }

    @Test
    void aWriterWhoseLeaseRanOutCannotOverwriteWhatTheNextHolderWrote() {
        String contribution = given.logGiven(ann, bo, 45).text("id");
        given.logGiven(ann, bo, 10); // the second write of each account: this instance now keeps them, at their revision
        // this instance stalls past its lease (simulated: the lease ends now) while keeping Ann's account
        mongo.getCollection(WriteLeases.COLLECTION).updateOne(
                new org.bson.Document("_id", "ledger-writer:" + given.timebank),
                new org.bson.Document("$set", new org.bson.Document("lockUntil", new java.util.Date())));
        Ledger.Actor boActs = new Ledger.Actor(bo, Set.of("MEMBER"));
        assertThat(otherInstance.runIfFree(given.timebank,
                ledger -> ledger.validate(given.timebank, contribution, boActs, "thank you").isAccepted())).contains(true);
        otherInstance.releaseLeases();

        // back here, within what it believes is its lease: Bo logs 15 minutes given to Ann
        ApiClient.Response logged = given.logGiven(bo, ann, 15);

        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        assertThat(given.balance(ann)).as("Ann keeps the 45 minutes the other instance posted").isEqualTo(45);
        assertThat(given.balance(bo)).isEqualTo(-45);
        assertThat(given.sumOfBalances()).isZero();
        assertThat(given.api.get(given.path("/accounts/" + ann), given.admin()).json().path("debitsPending").asLong())
                .isEqualTo(15);
        assertThat(given.api.get(given.path("/accounts/" + ann), given.admin()).json().path("creditsPending").asLong())
                .isEqualTo(10);
    }

    @Test
    void aTimebankBusyHereIsHandedToAnotherInstanceWaitingForIt() throws Exception {
        assertThat(given.logGiven(ann, bo, 5).status()).isEqualTo(201);
        java.util.concurrent.CompletableFuture<String> elsewhere = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> otherInstance.run(given.timebank, ledger -> "written elsewhere"));

        // this instance keeps writing, never idle long enough to give the lease back for that
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(12);
        while (!elsewhere.isDone() && System.nanoTime() < until) {
            assertThat(given.logGiven(ann, bo, 1).status()).isIn(201, 503);
            Thread.sleep(200);
        }

        assertThat(elsewhere).as("the waiting instance got its turn while this one was busy").isCompletedWithValue("written elsewhere");
        otherInstance.releaseLeases();
        assertThat(given.logGiven(ann, bo, 1).status()).isEqualTo(201);
        assertThat(given.sumOfBalances()).isZero();
    }

    private void releaseHere() {
        leases.release(given.timebank);
    }
}
