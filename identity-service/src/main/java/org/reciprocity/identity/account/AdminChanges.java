package org.reciprocity.identity.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Supplier;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * One change at a time to who holds ADMIN in a timebank. "Never leave a timebank without an admin" is a
 * rule about several accounts, and the store changes one document at a time: two admins giving up ADMIN
 * at the same moment would each count the other and both succeed. A short lease per timebank, taken with
 * one conditional upsert, makes the count and the change one step for every instance of the service; a
 * holder that dies lets the lease go when it runs out.
 */
@Component
public class AdminChanges {

    static final String COLLECTION = "admin_change_leases";
    /** Far longer than a count and one account write take; how long a dead holder can hold others up. */
    private static final Duration LENGTH = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MongoCollection<Document> leases;
    private final Clock clock;

    public AdminChanges(MongoTemplate mongo, Clock clock) {
        this.leases = mongo.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** Another change to the timebank's admins held the lease for longer than we wait. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("another change to this timebank's admins is under way", null, false, false);
        }
    }

    /** Runs {@code change} while no other change to the timebank's admins runs, anywhere. */
    public <T> T oneAtATime(String timebankId, Supplier<T> change) {
        String holder = UUID.randomUUID().toString();
        Instant giveUp = clock.instant().plus(WAIT);
        while (!take(timebankId, holder)) {
            if (clock.instant().isAfter(giveUp)) {
                throw new Busy();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Busy();
            }
        }
        try {
            return change.get();
        } finally {
            leases.deleteOne(Filters.and(Filters.eq("_id", timebankId), Filters.eq("holder", holder)));
        }
    }

    private boolean take(String timebankId, String holder) {
        Instant now = clock.instant();
        try {
            // a lease still held does not match, and the upsert then fails on its _id
            leases.findOneAndUpdate(Filters.and(Filters.eq("_id", timebankId), Filters.lte("until", Date.from(now))),
                    Updates.combine(Updates.set("holder", holder), Updates.set("until", Date.from(now.plus(LENGTH)))),
                    new FindOneAndUpdateOptions().upsert(true));
            return true;
        } catch (MongoServerException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
