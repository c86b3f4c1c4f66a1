package org.reciprocity.ledger.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

/**
 * A group register and its validation on the real store (mongo-java-server), with the process
 * "dying" before its k-th write, for every k: at the next command (a restart: a fresh store and
 * writer state) the book is whole — every attendance or none, every posting or none, balances
 * summing to zero, the chain intact — and sending the command again completes it once.
 */
class CrashBetweenWritesTest {

    private static final String TB = "riverside";
    private static final String ORG = "college";
    private static final List<String> MEMBERS = List.of("sam", "ali", "kim");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + hostPort());
    private final Clock clock = Clock.systemUTC();
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    private final Ledger.Actor cora = new Ledger.Actor("cora", Set.of("COORDINATOR"));
    private final Ledger.Actor stella = new Ledger.Actor("stella", Set.of("MEMBER"), Set.of(ORG));

    private String hostPort() {
        var address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aRegisterInterruptedBetweenAnyTwoWritesIsWholeOrAbsentAtTheNextCommand() {
        int writes = writesOf(this::record, ledger -> null);
        assertThat(writes).isGreaterThan(3);
        for (int k = 1; k <= writes; k++) {
            MongoTemplate mongo = aFreshBook(k);
            assertThatThrownBy(() -> run(new Crashing(client, "book-" + this.k, kth), this::record))
                    .isInstanceOf(Crash.class);

            run(mongo, ledger -> null); // the next command, after a restart
            List<Contribution> logged = book(mongo).contributionsOfActivity(TB, "forum");
            assertThat(logged.size()).as("crash before write %d of %d: attendances", k, writes).isIn(0, 3);
            assertReservationsMatch(mongo, logged.size() == 3 ? 60 : 0, k);

            assertThat(run(mongo, this::record).isAccepted()).isTrue(); // sent again
            assertThat(book(mongo).contributionsOfActivity(TB, "forum")).hasSize(3);
            assertReservationsMatch(mongo, 60, k);
        }
    }

    @Test
    void aRegistersValidationInterruptedBetweenAnyTwoWritesIsPostedWholeOrNotAtAll() {
        int writes = writesOf(this::validate, this::record);
        assertThat(writes).isGreaterThan(3);
        for (int k = 1; k <= writes; k++) {
            MongoTemplate mongo = aFreshBook(k);
            assertThat(run(mongo, this::record).isAccepted()).isTrue();
            assertThatThrownBy(() -> run(new Crashing(client, "book-" + this.k, kth), this::validate))
                    .isInstanceOf(Crash.class);

            run(mongo, ledger -> null);
            List<LedgerEntry> entries = entries(mongo);
            assertThat(entries.size()).as("crash before write %d of %d: entries", k, writes).isIn(0, 3);
            assertPosted(mongo, entries.size() == 3, k);

            assertThat(run(mongo, this::validate).isAccepted()).isTrue(); // confirmed again
            assertThat(entries(mongo)).hasSize(3);
            assertPosted(mongo, true, k);
        }
    }

    // --- the book ----------------------------------------------------------------------------

    private int k;
    private int kth;

    private MongoTemplate aFreshBook(int k) {
        this.k = k;
        this.kth = k;
        MongoTemplate mongo = new MongoTemplate(client, "book-" + k);
        mongo.insert(new Document("_id", TB).append("zone", "Europe/London"), "timebanks");
        MEMBERS.forEach(m -> mongo.insert(new Document("_id", m).append("timebankId", TB).append("status", "ACTIVE"),
                "members"));
        mongo.insert(new Document("_id", ORG).append("timebankId", TB), "organisations");
        return mongo;
    }

    private Decision<List<Contribution>> record(Ledger ledger) {
        return ledger.recordGroupActivity(TB, "forum", ORG, cora, "User forum", CoproductionKind.INVOLVEMENT_MEETING,
                today, MEMBERS.stream().map(m -> new Ledger.Attendance(m, 60)).toList());
    }

    private Decision<List<Contribution>> validate(Ledger ledger) {
        return ledger.validateGroupActivity(TB, "forum", stella, "thank you all");
    }

    /** One command as Bookkeeping runs it in a freshly started instance: roll forward, then the command. */
    private <T> T run(MongoTemplate mongo, Function<Ledger, T> command) {
        MongoBookStore store = new MongoBookStore(mongo);
        WriterState state = new WriterState(TB, clock.instant());
        store.beginCommand(state);
        try {
            store.rollForward(TB);
            state.markLoaded();
            return command.apply(new Ledger(store, clock));
        } finally {
            store.endCommand();
        }
    }

    private int writesOf(Function<Ledger, ?> command, Function<Ledger, ?> before) {
        MongoTemplate mongo = aFreshBook(0);
        run(mongo, before);
        Crashing counting = new Crashing(client, "book-0", Integer.MAX_VALUE);
        run(counting, command);
        return counting.writes;
    }

    private MongoBookStore book(MongoTemplate mongo) {
        return new MongoBookStore(mongo);
    }

    private List<LedgerEntry> entries(MongoTemplate mongo) {
        List<LedgerEntry> entries = new ArrayList<>();
        MongoBookStore store = book(mongo);
        for (long s = 1; store.entry(TB, s).isPresent(); s++) {
            entries.add(store.entry(TB, s).get());
        }
        return entries;
    }

    private void assertReservationsMatch(MongoTemplate mongo, long each, int k) {
        MongoBookStore store = book(mongo);
        for (String m : MEMBERS) {
            assertThat(store.account(TB, m).map(Account::creditsPending).orElse(0L)).as("%s, crash at %d", m, k)
                    .isEqualTo(each);
        }
        assertThat(store.account(TB, ORG).map(Account::debitsPending).orElse(0L)).as("college, crash at %d", k)
                .isEqualTo(each * MEMBERS.size());
    }

    private void assertPosted(MongoTemplate mongo, boolean posted, int k) {
        MongoBookStore store = book(mongo);
        assertThat(store.contributionsOfActivity(TB, "forum")).as("crash at %d", k).hasSize(3).allSatisfy(c ->
                assertThat(c.state()).isEqualTo(posted ? ContributionState.VALIDATED : ContributionState.LOGGED));
        assertThat(store.accounts(TB).stream().mapToLong(Account::balance).sum()).as("crash at %d", k).isZero();
        for (String m : MEMBERS) {
            Account a = store.account(TB, m).orElseThrow();
            assertThat(a.balance()).as("%s, crash at %d", m, k).isEqualTo(posted ? 60 : 0);
            assertThat(a.creditsPending()).isEqualTo(posted ? 0 : 60);
        }
        assertThat(store.account(TB, ORG).orElseThrow().debitsPending()).isEqualTo(posted ? 0 : 180);
        assertThat(ChainVerification.walk(entries(mongo).iterator()).intact()).as("chain, crash at %d", k).isTrue();
    }

    /** A MongoTemplate whose process dies just before its {@code crashAt}-th write. */
    private static final class Crashing extends MongoTemplate {
        private final int crashAt;
        int writes;

        Crashing(MongoClient client, String database, int crashAt) {
            super(client, database);
            this.crashAt = crashAt;
        }

        private void write() {
            if (++writes >= crashAt) {
                throw new Crash();
            }
        }

        @Override
        public <T> T insert(T objectToSave, String collectionName) {
            write();
            return super.insert(objectToSave, collectionName);
        }

        @Override
        public <T> T save(T objectToSave, String collectionName) {
            write();
            return super.save(objectToSave, collectionName);
        }

        @Override
        public UpdateResult upsert(Query query, UpdateDefinition update, String collectionName) {
            write();
            return super.upsert(query, update, collectionName);
        }

        @Override
        public UpdateResult updateFirst(Query query, UpdateDefinition update, String collectionName) {
            write();
            return super.updateFirst(query, update, collectionName);
        }

        @Override
        public DeleteResult remove(Query query, String collectionName) {
            write();
            return super.remove(query, collectionName);
        }

        @Override
        public BulkOperations bulkOps(BulkOperations.BulkMode mode, String collectionName) {
            write();
            return super.bulkOps(mode, collectionName);
        }
    }

    private static final class Crash extends RuntimeException {
        Crash() {
            super("the process died here");
        }
    }
}
