package org.reciprocity.identity.invitation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.reciprocity.identity.account.SecretTokens;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The welcome links of invitations: a random token, stored only as its SHA-256 (the {@code _id}),
 * good for seven days and for one use (taken with one find-and-delete).
 */
@Component
public class WelcomeTokens {

    static final Duration LIFETIME = Duration.ofDays(7);

    @Document("welcome_tokens")
    record StoredWelcome(@Id String id, String accountId, Instant expiresAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    WelcomeTokens(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A welcome token as handed out once: the secret itself, and when it stops working. */
    public record Issued(String token, Instant expiresAt) {
    }

    /** A new token for this account; only its hash is kept. */
    public Issued issue(String accountId) {
        String token = SecretTokens.newToken();
        Instant expiresAt = clock.instant().plus(LIFETIME);
        mongo.insert(new StoredWelcome(SecretTokens.hash(token), accountId, expiresAt));
        return new Issued(token, expiresAt);
    }

    /** The account a live token is for, without using it up. */
    public Optional<String> peek(String token) {
        return Optional.ofNullable(mongo.findById(SecretTokens.hash(token), StoredWelcome.class))
                .filter(this::live).map(StoredWelcome::accountId);
    }

    /** Uses the token up: the account it was for, if it was live; empty if used or expired. */
    public Optional<String> use(String token) {
        return Optional.ofNullable(mongo.findAndRemove(Query.query(where("_id").is(SecretTokens.hash(token))), StoredWelcome.class))
                .filter(this::live).map(StoredWelcome::accountId);
    }

    private boolean live(StoredWelcome welcome) {
        return clock.instant().isBefore(welcome.expiresAt());
    }
}
