package org.reciprocity.identity.signin;

import java.time.Clock;

import org.reciprocity.identity.account.AccountUser;
import org.reciprocity.identity.account.Accounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Finds the person behind an e-mail (sign-in link) or an account key (passkey), for Spring Security. */
@Component
class AccountUsers implements UserDetailsService {

    private final Accounts accounts;
    private final Clock clock;

    AccountUsers(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        return accounts.byEmailOrId(name)
                .map(account -> AccountUser.of(account, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
