package org.reciprocity.identity.retention;

import java.time.Instant;

import org.reciprocity.kit.retention.RetentionPolicy;
import org.reciprocity.kit.retention.RetentionRule;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What identity-service stops keeping (issue 18): sign-in links and welcome tokens once they have
 * expired. Until now they stayed for ever, refused at reading time; each names an account (the link
 * its e-mail address). Not a timebank's choice: a token past its expiry is useless to everyone.
 */
public enum IdentityRetention implements RetentionRule {

    SIGN_IN_LINKS("sign-in-links", "sign_in_links"),
    WELCOME_TOKENS("welcome-tokens", "welcome_tokens");

    private final String what;
    private final String collection;

    IdentityRetention(String what, String collection) {
        this.what = what;
        this.collection = collection;
    }

    /** Expired: the token is refused from its {@code expiresAt} on ({@code OneTimeTokens}, {@code WelcomeTokens}). */
    @Override
    public Criteria olderThan(Instant now, RetentionPolicy policy) {
        return Criteria.where("expiresAt").lte(now);
    }

    @Override
    public boolean perTimebank() {
        return false;
    }

    @Override
    public String what() {
        return what;
    }

    @Override
    public String collection() {
        return collection;
    }
}
