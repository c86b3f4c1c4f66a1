package org.reciprocity.identity.invitation;

import java.util.List;
import java.util.Locale;

import org.reciprocity.identity.IdentitySettings;
import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.account.AccountStatus;
import org.reciprocity.identity.account.EmailKey;
import org.reciprocity.identity.account.Accounts;
import org.reciprocity.identity.mail.Mailer;
import org.springframework.stereotype.Component;

/** Inviting a person: their account (INVITED), a fresh welcome link, and the e-mail in their language. */
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
    private final Mailer mailer;
    private final IdentitySettings settings;

    Invitations(Accounts accounts, WelcomeTokens tokens, Mailer mailer, IdentitySettings settings) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mailer = mailer;
        this.settings = settings;
    }

    /** Invites (or invites again: a new link is sent) and returns the account and its link. */
    public Invited invite(String timebankId, String memberId, String email, String language, List<String> roles, boolean sendMail) {
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
        Account account = accounts.invite(timebankId, memberId, email, language, roles);
        String link = settings.issuerUrl() + "/welcome/" + tokens.issue(account.id());
        if (sendMail) {
            mailer.invitation(account.email(), Locale.forLanguageTag(language), link);
        }
        return new Invited(account, link);
    }

    public record Invited(Account account, String link) {
    }
}
