package org.reciprocity.identity.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.account.AccountUser;
import org.reciprocity.identity.account.Accounts;
import org.reciprocity.identity.account.LockOut;
import org.reciprocity.identity.mail.Mailer;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password sign-in with the lock-out: a locked account is refused before its password is checked;
 * a suspended one after; after five failures a try that comes too soon is refused unheard; the tenth failure locks
 * the account for fifteen minutes and e-mails the person.
 */
class PasswordSignIn implements AuthenticationProvider {

    /** Refused because the last failure was too recent; the person is told to wait. */
    static final class TooSoon extends AuthenticationException {
        TooSoon(Duration wait) {
            super("wait " + wait.toSeconds() + "s");
        }
    }

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final LockOut lockOut;
    private final Mailer mailer;
    private final Clock clock;
    // compared against when there is no account, so a missing e-mail takes as long as a wrong password
    private final String decoyHash;

    PasswordSignIn(Accounts accounts, PasswordEncoder encoder, LockOut lockOut, Mailer mailer, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.lockOut = lockOut;
        this.mailer = mailer;
        this.clock = clock;
        this.decoyHash = encoder.encode("decoy-password-never-used");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String email = String.valueOf(request.getName());
        String password = String.valueOf(request.getCredentials());
        Instant now = clock.instant();
        Optional<Account> found = accounts.byEmail(email);
        if (found.isEmpty() || found.get().passwordHash() == null) {
            encoder.matches(password, decoyHash);
            throw new BadCredentialsException("wrong e-mail or password");
        }
        Account account = found.get();
        if (account.isLockedAt(now)) {
            throw new LockedException("locked");
        }
        Duration wait = lockOut.remainingWait(account.failedAttempts(), account.lastFailureAt(), now);
        if (!wait.isZero()) {
            throw new TooSoon(wait);
        }
        if (!encoder.matches(password, account.passwordHash())) {
            Account after = accounts.recordFailure(account.id(), now, lockOut);
            if (after != null && after.isLockedAt(now)) {
                mailer.accountLocked(after);
                throw new LockedException("locked now");
            }
            throw new BadCredentialsException("wrong e-mail or password");
        }
        // told only to someone who knows the password, so a stranger cannot learn who is suspended
        if (account.isSuspended()) {
            throw new DisabledException("suspended");
        }
        accounts.recordSuccess(account.id());
        if (encoder.upgradeEncoding(account.passwordHash())) {
            accounts.setPassword(account.id(), encoder.encode(password));
        }
        AccountUser user = AccountUser.of(account, now);
        // the factor and its time: the ID token's auth_time is read from it
        return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(
                new SimpleGrantedAuthority("ROLE_USER"),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(now).build()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
