package org.reciprocity.identity.local;

import java.util.List;
import java.util.Optional;

import org.reciprocity.identity.IdentitySettings;
import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.account.AccountStatus;
import org.reciprocity.identity.account.Accounts;
import org.reciprocity.identity.invitation.Invitations;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the local platform, the first admin of the bootstrap timebank (member {@code admin}, e-mail
 * {@code admin@localhost}): invited at start while they have not set up sign-in, so the launcher can
 * print their one-time link. The link lives in this process's memory only; the store has its hash.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    static final String MEMBER = "admin";
    static final String EMAIL = "admin@localhost";

    private final IdentitySettings settings;
    private final Accounts accounts;
    private final Invitations invitations;
    private volatile String link;

    FirstAdmin(IdentitySettings settings, Accounts accounts, Invitations invitations) {
        this.settings = settings;
        this.accounts = accounts;
        this.invitations = invitations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.local() || !waiting()) {
            return;
        }
        link = invitations.invite(settings.bootstrapTimebank(), MEMBER, EMAIL, "en",
                List.of("ADMIN", "COORDINATOR"), false).link();
    }

    /** The link, while the first admin has still not set up sign-in. */
    Optional<String> link() {
        return waiting() ? Optional.ofNullable(link) : Optional.empty();
    }

    private boolean waiting() {
        return accounts.byId(Account.key(settings.bootstrapTimebank(), MEMBER))
                .map(account -> account.status() == AccountStatus.INVITED).orElse(true);
    }
}
