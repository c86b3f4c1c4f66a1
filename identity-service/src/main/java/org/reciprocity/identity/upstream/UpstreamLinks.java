package org.reciprocity.identity.upstream;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Which upstream person is which account, once they have signed in with the provider: by the
 * provider's subject (which stays when the person changes their e-mail there), one document each.
 */
@Component
class UpstreamLinks {

    @Document("upstream_links")
    record Link(@Id String id, String issuer, String subject, String accountId, Instant linkedAt) {
    }

    private final MongoTemplate mongo;

    UpstreamLinks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<String> accountOf(String issuer, String subject) {
        return Optional.ofNullable(mongo.findById(key(issuer, subject), Link.class)).map(Link::accountId);
    }

    /** The subject this account is linked to at this provider, if any. */
    Optional<String> subjectOf(String issuer, String accountId) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("issuer").is(issuer).and("accountId").is(accountId)), Link.class))
                .map(Link::subject);
    }

    /** Links the subject to the account; false if the subject was linked meanwhile (to this account or another). */
    boolean link(String issuer, String subject, String accountId, Instant now) {
        try {
            mongo.insert(new Link(key(issuer, subject), issuer, subject, accountId, now));
            return true;
        } catch (DuplicateKeyException already) {
            return accountOf(issuer, subject).filter(accountId::equals).isPresent();
        }
    }

    private static String key(String issuer, String subject) {
        return issuer + " " + subject;
    }
}
