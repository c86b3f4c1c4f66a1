package org.reciprocity.identity.upstream;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.account.Accounts;
import org.springframework.stereotype.Component;

/**
 * Finds the Reciprocity account of a person the upstream provider signed in: the account already
 * linked to their subject there; else, the first time, the account with the e-mail address the
 * provider vouches for (then the two are linked, and an invited person's account is set up, as a
 * welcome link would: the address is proven). Never creates an account: a coordinator invites people.
 */
@Component
class UpstreamPeople {

    /** Why a person was not signed in; the code names the words on the refusal page. */
    enum Refusal {
        NO_ACCOUNT("no-account"), NOT_VERIFIED("not-verified"), SUSPENDED("suspended"),
        LINKED_TO_ANOTHER("linked"), FAILED("failed");

        final String code;

        Refusal(String code) {
            this.code = code;
        }
    }

    /** A refusal on its way to the failure handler. */
    static final class Refused extends RuntimeException {
        final Refusal refusal;

        Refused(Refusal refusal) {
            super("upstream sign-in refused: " + refusal.code);
            this.refusal = refusal;
        }
    }

    private final Accounts accounts;
    private final UpstreamLinks links;
    private final UpstreamSettings settings;
    private final Clock clock;

    UpstreamPeople(Accounts accounts, UpstreamLinks links, UpstreamSettings settings, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The account of the person with this subject and these ID token claims.
     *
     * @throws Refused when there is none, or it may not be used
     */
    Account accountOf(String subject, Map<String, Object> claims) {
        String issuer = settings.issuer();
        Optional<Account> linked = links.accountOf(issuer, subject).flatMap(accounts::byId);
        Account account = linked.orElseGet(() -> byVerifiedEmail(issuer, subject, claims));
        if (account.isSuspended()) {
            throw new Refused(Refusal.SUSPENDED);
        }
        accounts.activate(account.id());
        return accounts.byId(account.id()).orElseThrow(() -> new Refused(Refusal.NO_ACCOUNT));
    }

    private Account byVerifiedEmail(String issuer, String subject, Map<String, Object> claims) {
        Object email = claims.get(settings.emailClaim());
        if (!(email instanceof String address) || address.isBlank()) {
            throw new Refused(Refusal.NO_ACCOUNT);
        }
        if (settings.emailVerifiedClaim() != null && !verified(claims.get(settings.emailVerifiedClaim()))) {
            throw new Refused(Refusal.NOT_VERIFIED);
        }
        Account account = accounts.byEmail(address).orElseThrow(() -> new Refused(Refusal.NO_ACCOUNT));
        // an account joined to one person there is not joined to a second (an address given again to someone else)
        if (links.subjectOf(issuer, account.id()).filter(other -> !other.equals(subject)).isPresent()
                || !links.link(issuer, subject, account.id(), clock.instant())) {
            throw new Refused(Refusal.LINKED_TO_ANOTHER);
        }
        return account;
    }

    private static boolean verified(Object claim) {
        return Boolean.TRUE.equals(claim) || "true".equals(claim);
    }
}
