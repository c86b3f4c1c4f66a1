package org.reciprocity.identity.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.reciprocity.kit.outbox.OutboxEntry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The accounts in Mongo. Every change is one conditional update of one account document, found by
 * {@code _id}; the e-mail lookup documents are written first and checked against the account on read.
 */
@Component
public class Accounts {

    /** The accounts' collection; an account's {@code outbox} holds its events until they are published. */
    public static final String COLLECTION = "accounts";

    private final MongoTemplate mongo;

    public Accounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Account> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Account.class));
    }

    public Optional<Account> byEmail(String email) {
        String key = EmailKey.normalise(email);
        EmailKey found = mongo.findById(key, EmailKey.class);
        if (found == null) {
            return Optional.empty();
        }
        return byId(found.accountId()).filter(a -> EmailKey.normalise(a.email()).equals(key));
    }

    /** Looks a person up by e-mail or by account key (passkeys and sessions name the key). */
    public Optional<Account> byEmailOrId(String name) {
        return name != null && name.contains("@") ? byEmail(name) : byId(name);
    }

    /** Claims the e-mail for this account; false when another account has it. */
    public boolean claimEmail(String email, String accountId) {
        String key = EmailKey.normalise(email);
        try {
            mongo.insert(new EmailKey(key, accountId));
            return true;
        } catch (DuplicateKeyException taken) {
            EmailKey holder = mongo.findById(key, EmailKey.class);
            if (holder == null || holder.accountId().equals(accountId)) {
                return true;
            }
            boolean stillHeld = byId(holder.accountId())
                    .map(a -> EmailKey.normalise(a.email()).equals(key)).orElse(false);
            if (stillHeld) {
                return false;
            }
            // a stale key (the other account moved on): take it over only if it is unchanged
            return mongo.updateFirst(Query.query(where("_id").is(key).and("accountId").is(holder.accountId())),
                    Update.update("accountId", accountId), EmailKey.class).getModifiedCount() == 1;
        }
    }

    /**
     * Invites a person, or re-invites them: creates the account as INVITED, or updates the e-mail,
     * language and (when given) roles of an existing one. Returns the account as it now is.
     */
    public Account invite(String timebankId, String memberId, String email, String language, List<String> roles) {
        return invite(timebankId, memberId, email, language, roles, null);
    }

    /**
     * Invites as above and, in the same one-document update, puts {@code announcement} (when not
     * null) in the account's outbox: the invitation and its event are recorded together or not at all.
     */
    public Account invite(String timebankId, String memberId, String email, String language, List<String> roles,
                          OutboxEntry announcement) {
        String id = Account.key(timebankId, memberId);
        Update update = new Update()
                .setOnInsert("timebankId", timebankId)
                .setOnInsert("memberId", memberId)
                .setOnInsert("status", AccountStatus.INVITED)
                .setOnInsert("failedAttempts", 0)
                .set("email", email.strip())
                .set("language", language);
        if (roles != null) {
            update.set("roles", Role.normalise(roles));
        } else {
            update.setOnInsert("roles", Role.normalise(List.of()));
        }
        if (announcement != null) {
            update.push("outbox", announcement);
        }
        return mongo.findAndModify(Query.query(where("_id").is(id)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Account.class);
    }

    /** Counts a failed password and, at the lock-out threshold, locks the account. Returns the new state. */
    public Account recordFailure(String id, Instant now, LockOut lockOut) {
        Account after = mongo.findAndModify(Query.query(where("_id").is(id)),
                new Update().inc("failedAttempts", 1).set("lastFailureAt", now),
                FindAndModifyOptions.options().returnNew(true), Account.class);
        if (after != null && lockOut.locksAt(after.failedAttempts())) {
            // only the try that reached the threshold locks (the condition), so one e-mail is sent
            Account locked = mongo.findAndModify(
                    Query.query(where("_id").is(id).and("failedAttempts").is(after.failedAttempts())),
                    new Update().set("failedAttempts", 0).set("lockedUntil", now.plus(LockOut.LOCK_FOR)),
                    FindAndModifyOptions.options().returnNew(true), Account.class);
            return locked;
        }
        return after;
    }

    public void recordSuccess(String id) {
        mongo.updateFirst(Query.query(where("_id").is(id).and("failedAttempts").gt(0)),
                new Update().set("failedAttempts", 0).unset("lastFailureAt"), Account.class);
    }

    public void setPassword(String id, String hash) {
        mongo.updateFirst(Query.query(where("_id").is(id)),
                new Update().set("passwordHash", hash).set("failedAttempts", 0).unset("lockedUntil"), Account.class);
    }

    /** Sets up sign-in: an invited person becomes ACTIVE (a suspended one stays suspended). */
    public void activate(String id) {
        mongo.updateFirst(Query.query(where("_id").is(id).and("status").is(AccountStatus.INVITED)),
                Update.update("status", AccountStatus.ACTIVE), Account.class);
    }

    public void setPasskeyUserId(String id, String userHandle) {
        mongo.updateFirst(Query.query(where("_id").is(id)), Update.update("passkeyUserId", userHandle), Account.class);
    }

    public boolean setRoles(String id, List<String> roles) {
        return mongo.updateFirst(Query.query(where("_id").is(id)),
                Update.update("roles", Role.normalise(roles)), Account.class).getMatchedCount() == 1;
    }

    /** Where an account keeps the record of its role changes (who, when, from, to), at most {@link #AUDIT_KEPT}. */
    public static final String AUDIT = "audit";
    public static final int AUDIT_KEPT = 200;

    /**
     * Sets the roles and, in the same one-document update, records who changed them from what to what.
     * The store has no multi-document transactions: a record written elsewhere afterwards could be lost
     * if the process died between the two writes; inside the account it is written with the change or
     * not at all. The update is conditional on the roles read, so "from" is what was really replaced.
     *
     * @return false when the roles changed meanwhile (the caller reads again and retries)
     */
    public boolean setRoles(String id, List<String> before, List<String> roles, String by, Instant at) {
        List<String> after = Role.normalise(roles);
        Update update = Update.update("roles", after);
        if (!after.equals(before)) {
            org.bson.Document entry = new org.bson.Document("id", java.util.UUID.randomUUID().toString())
                    .append("at", java.util.Date.from(at)).append("by", by).append("action", "ROLES_CHANGED")
                    .append("changes", List.of(new org.bson.Document("what", "roles")
                            .append("from", String.join(",", before)).append("to", String.join(",", after))));
            update.push(AUDIT).slice(-AUDIT_KEPT).each(entry);
        }
        return mongo.updateFirst(Query.query(where("_id").is(id).and("roles").is(before)), update, Account.class)
                .getMatchedCount() == 1;
    }

    /** How many accounts of the timebank hold ADMIN, not counting suspended ones (they cannot sign in). */
    public long admins(String timebankId) {
        return mongo.count(Query.query(where("timebankId").is(timebankId).and("roles").is("ADMIN")
                .and("status").ne(AccountStatus.SUSPENDED)), Account.class);
    }

    /**
     * The person's sign-in e-mail changes (issue 16: a coordinator corrects it): the new address is
     * claimed first, so two accounts never share one; the old address's key is then stale and
     * {@link #claimEmail} lets another account take it. False when another account has the address.
     */
    public boolean changeEmail(String id, String email) {
        if (!claimEmail(email, id)) {
            return false;
        }
        mongo.updateFirst(Query.query(where("_id").is(id)), Update.update("email", email.strip()), Account.class);
        return true;
    }

    public boolean suspend(String id) {
        return mongo.updateFirst(Query.query(where("_id").is(id)),
                Update.update("status", AccountStatus.SUSPENDED), Account.class).getMatchedCount() == 1;
    }

    /** Lifts a suspension: back to ACTIVE if they had set up sign-in, else INVITED. */
    public boolean reactivate(String id) {
        Optional<Account> account = byId(id);
        if (account.isEmpty()) {
            return false;
        }
        AccountStatus back = account.get().passwordHash() != null || account.get().passkeyUserId() != null
                ? AccountStatus.ACTIVE : AccountStatus.INVITED;
        mongo.updateFirst(Query.query(where("_id").is(id).and("status").is(AccountStatus.SUSPENDED)),
                new Update().set("status", back).set("failedAttempts", 0).unset("lockedUntil"), Account.class);
        return true;
    }
}
