package org.reciprocity.ledger.book;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * One writer per timebank across instances. Before it writes a timebank, an instance takes that
 * timebank's lease: a document in MongoDB (collection {@value #COLLECTION}, see {@link Leases}), held
 * for {@link #LEASE}, renewed while in use and given back when idle or at shutdown. Each instance
 * signs its leases with its own identity, so it never renews or gives back another's. While an instance
 * holds the lease nobody else writes the timebank, which is what lets it keep a {@link WriterState}
 * between commands. A lease that could not be renewed in time (a pause longer than the lease) is
 * dropped with its state; the ledger's unique entry keys and conditional contribution updates
 * still refuse a write that raced another instance.
 *
 * <p>The lease also keeps a timebank's events in order across instances: a holder publishes only
 * while it holds the lease it wrote them under ({@link #holds}), gives it back saying whether all
 * it wrote is published, and a holder taking over from one that did not (a pause, a crash, a
 * broker away) first publishes, in written order, whatever its predecessors left in the outboxes.
 */
@Component
class WriteLeases {

    static final String COLLECTION = "ledger_leases";
    /** Who is waiting for which timebank's lease: the holder gives it back soon after. */
    static final String WANTS = "ledger_lease_wants";
    /** A wish to write is heard for this long after it was last said. */
    static final Duration WANT_HEARD_FOR = Duration.ofSeconds(3);
    static final Duration LEASE = Duration.ofSeconds(15);
    /** Renewed once less than this remains, so a command never starts on a lease about to end. */
    static final Duration RENEW_BELOW = Duration.ofSeconds(10);
    /** How long a lease handed to a waiting instance is left for it to take. */
    static final Duration YIELD = Duration.ofMillis(300);

    private final Leases leases;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    /** Leases given to an instance waiting for them: not taken back before the given time. */
    private final Map<String, Instant> yielded = new ConcurrentHashMap<>();
    /** This instance, as it signs its wishes to write. */
    private final String instance = UUID.randomUUID().toString();

    @org.springframework.beans.factory.annotation.Autowired
    WriteLeases(MongoTemplate mongo) {
        this(mongo, Clock.systemUTC());
    }

    WriteLeases(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.leases = new Leases(mongo.getCollection(COLLECTION));
    }

    /** This instance as its leases name it ({@code lockedBy}). */
    String holder() {
        return leases.holder();
    }

    /**
     * The state of {@code timebankId} if this instance holds, renews or takes its lease now; empty
     * when another instance holds it. Call under the timebank's local lock.
     */
    Optional<WriterState> claim(String timebankId) {
        Instant now = clock.instant();
        Held current = held.get(timebankId);
        if (current != null) {
            if (current.until().minus(RENEW_BELOW).isAfter(now)) {
                current.state().used(now);
                return Optional.of(current.state());
            }
            if (leases.renew(name(timebankId), now, LEASE)) {
                held.put(timebankId, new Held(now.plus(LEASE), current.state()));
                current.state().used(now);
                return Optional.of(current.state());
            }
            // lost: another instance may have written since, so nothing kept is trusted
            held.remove(timebankId);
        }
        Instant yieldedUntil = yielded.get(timebankId);
        if (yieldedUntil != null) {
            if (now.isBefore(yieldedUntil)) {
                return Optional.empty(); // the waiting instance's turn
            }
            yielded.remove(timebankId);
        }
        if (heldElsewhere(timebankId, now)) {
            return Optional.empty();
        }
        Leases.Taken taken = leases.take(name(timebankId), now, LEASE);
        if (taken == null) {
            return Optional.empty();
        }
        WriterState state = new WriterState(timebankId, now, taken.epoch(), !taken.handedOverDrained());
        held.put(timebankId, new Held(now.plus(LEASE), state));
        return Optional.of(state);
    }

    /**
     * Whether another instance holds the lease now. Asked first because taking a held lease fails
     * on a duplicate key, which some servers log as an error: waiting should be quiet.
     */
    private boolean heldElsewhere(String timebankId, Instant now) {
        Document lease = mongo.findById(name(timebankId), Document.class, COLLECTION);
        Date until = lease == null ? null : lease.getDate("lockUntil");
        return until != null && until.toInstant().isAfter(now);
    }

    /**
     * Says that this instance is waiting to write {@code timebankId}, so the instance holding its
     * lease gives it back after its current command instead of keeping it while busy.
     */
    void want(String timebankId) {
        mongo.getCollection(WANTS).replaceOne(Filters.eq("_id", timebankId),
                new Document("_id", timebankId).append("by", instance)
                        .append("at", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
    }

    /** The timebanks whose lease this instance holds and another instance is waiting for. */
    List<String> wantedElsewhere() {
        if (held.isEmpty()) {
            return List.of();
        }
        Date recent = Date.from(clock.instant().minus(WANT_HEARD_FOR));
        List<String> wanted = new ArrayList<>();
        for (Document want : mongo.getCollection(WANTS).find(Filters.and(
                Filters.in("_id", List.copyOf(held.keySet())),
                Filters.gt("at", recent),
                Filters.ne("by", instance)))) {
            wanted.add(want.getString("_id"));
        }
        return wanted;
    }

    /** The timebanks whose lease this instance holds but has not used for {@code idle}. */
    List<String> idleSince(Duration idle) {
        Instant before = clock.instant().minus(idle);
        return held.values().stream().filter(h -> h.state().lastUsed().isBefore(before))
                .map(h -> h.state().timebankId).toList();
    }

    /**
     * Whether this instance still holds the lease of {@code timebankId} it took at {@code epoch}: in
     * its own memory first, then in the database (the authority, whatever this instance's clock
     * or a pause made it believe).
     */
    boolean holds(String timebankId, long epoch) {
        Held h = held.get(timebankId);
        Instant now = clock.instant();
        return h != null && h.state().epoch == epoch && h.until().isAfter(now)
                && leases.holds(name(timebankId), epoch, now);
    }

    /** Gives the lease back, saying nothing was left unpublished; see {@link #release(String, boolean)}. */
    void release(String timebankId) {
        release(timebankId, false);
    }

    /**
     * Gives the lease back so another instance may write the timebank; call under the timebank's
     * local lock. {@code drained}: everything written under it is published, so the next holder
     * need not look for what was left.
     */
    void release(String timebankId, boolean drained) {
        Held h = held.remove(timebankId);
        if (h != null) {
            // only if still this instance's: past its end it may be another's now
            leases.giveBack(name(timebankId), clock.instant(), drained);
        }
    }

    /** Gives the lease back to an instance waiting for it, and leaves it a moment to take it. */
    void yieldTo(String timebankId, boolean drained) {
        yielded.put(timebankId, clock.instant().plus(YIELD));
        release(timebankId, drained);
    }

    void releaseAll() {
        releaseAll(timebankId -> false);
    }

    /** Gives back every lease held, each saying whether what was written under it is published. */
    void releaseAll(java.util.function.Predicate<String> drained) {
        List.copyOf(held.keySet()).forEach(timebankId -> release(timebankId, drained.test(timebankId)));
    }

    private static String name(String timebankId) {
        return "ledger-writer:" + timebankId;
    }

    private record Held(Instant until, WriterState state) {
    }
}
