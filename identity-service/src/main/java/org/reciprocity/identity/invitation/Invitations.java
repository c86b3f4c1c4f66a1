package org.reciprocity.identity.invitation;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.reciprocity.contracts.invitation.MemberInvited;
import org.reciprocity.identity.IdentitySettings;
import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.account.AccountStatus;
import org.reciprocity.identity.account.Accounts;
import org.reciprocity.identity.account.EmailKey;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.springframework.stereotype.Component;

/**
 * Inviting a person: their account (INVITED), a fresh welcome link, and the event
 * {@link MemberInvited} that notification-service turns into the e-mail, in the person's language.
 * The event waits in the account's outbox, written by the same one-document update as the
 * invitation, and the kit's relay publishes it; so an invitation is never recorded without its
 * e-mail to come, even if the broker is away for a while.
 */
@Component
public class Invitations {

    /** Refused because another account already uses that e-mail. */
    public static final class EmailInUse extends RuntimeException {
        EmailInUse() {
            super("e-mail in use");
        }
    }

    /** Refused because the person has set up sign-in already with another e-mail: only they may change it. */
    public static final class AlreadySetUp extends RuntimeException {
        AlreadySetUp() {
            super("already set up");
        }
    }

    private final Accounts accounts;
    private final WelcomeTokens tokens;
    private final OutboxRelay relay;
    private final IdentitySettings settings;
    private final Clock clock;

    Invitations(Accounts accounts, WelcomeTokens tokens, OutboxRelay relay, IdentitySettings settings, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.relay = relay;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Invites (or invites again: a new link, a new e-mail) and returns the account and its link.
     *
     * @param announce whether the person is sent the invitation (false: the caller hands the link
     *                 over itself, as the local platform's first admin's is printed)
     */
    public Invited invite(String timebankId, String memberId, String email, String language, List<String> roles, boolean announce) {
        String id = Account.key(timebankId, memberId);
        // an invitation must not move someone's sign-in to another address (whoever holds the link
        // could then take the account over)
        accounts.byId(id).filter(a -> a.status() != AccountStatus.INVITED)
                .filter(a -> !EmailKey.normalise(a.email()).equals(EmailKey.normalise(email)))
                .ifPresent(a -> {
                    throw new AlreadySetUp();
                });
        if (!accounts.claimEmail(email, id)) {
            throw new EmailInUse();
        }
        // the token first: the event carries its link, and a token nobody was sent opens nothing
        WelcomeTokens.Issued welcome = tokens.issue(id);
        String link = settings.issuerUrl() + "/welcome/" + welcome.token();
        MemberInvited invited = new MemberInvited(UUID.randomUUID(), clock.instant(), timebankId, memberId,
                email.strip(), language, link, welcome.expiresAt());
        Account account = accounts.invite(timebankId, memberId, email, language, roles,
                announce ? OutboxEntry.of(invited) : null);
        if (announce) {
            relay.flush(Accounts.COLLECTION, account.id());
        }
        return new Invited(account, link);
    }

    public record Invited(Account account, String link) {
    }
}
