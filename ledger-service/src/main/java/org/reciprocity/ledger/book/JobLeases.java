package org.reciprocity.ledger.book;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A piece of scheduled work that one instance at a time does (a timebank's chain verification):
 * a lease in the write leases' collection ({@link Leases}, the same holder signatures), taken before
 * the work and given back after it. Not the timebank's write lease: the work reads, it does not
 * write the ledger, so commands go on meanwhile.
 */
@Component
public class JobLeases {

    private final Leases leases;
    private final Clock clock;

    /** Real time, as the write leases keep it: a lease is between instances, whatever a test does to the ledger's clock. */
    JobLeases(MongoTemplate mongo) {
        this.leases = new Leases(mongo.getCollection(WriteLeases.COLLECTION));
        this.clock = Clock.systemUTC();
    }

    /**
     * Runs {@code work} holding the lease {@code name} for at most {@code length}, then gives it back;
     * empty, without running it, when another instance holds that lease now.
     */
    public <T> Optional<T> runAlone(String name, Duration length, Supplier<T> work) {
        if (leases.take(name, clock.instant(), length) == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.get());
        } finally {
            leases.giveBack(name, clock.instant(), true);
        }
    }
}
