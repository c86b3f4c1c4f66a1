package org.reciprocity.identity.signin;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.reciprocity.identity.account.SecretTokens;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;

/**
 * E-mailed sign-in links in Mongo, so any instance can honour a link another one sent. Stored by the
 * SHA-256 of the token; consumed with one find-and-delete, so a link works once even when clicked twice.
 */
class OneTimeTokens implements OneTimeTokenService {

    static final Duration LIFETIME = Duration.ofMinutes(15);

    @Document("sign_in_links")
    record StoredLink(@Id String id, String username, Instant expiresAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    OneTimeTokens(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        String token = SecretTokens.newToken();
        Instant expiresAt = clock.instant().plus(LIFETIME);
        mongo.insert(new StoredLink(SecretTokens.hash(token), request.getUsername(), expiresAt));
        return new DefaultOneTimeToken(token, request.getUsername(), expiresAt);
    }

    @Override
    public OneTimeToken consume(OneTimeTokenAuthenticationToken authentication) {
        String token = authentication.getTokenValue();
        if (token == null || token.isBlank()) {
            return null;
        }
        StoredLink link = mongo.findAndRemove(Query.query(where("_id").is(SecretTokens.hash(token))), StoredLink.class);
        if (link == null || !clock.instant().isBefore(link.expiresAt())) {
            return null;
        }
        return new DefaultOneTimeToken(token, link.username(), link.expiresAt());
    }
}
