package org.reciprocity.identity.account;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in person as Spring Security holds them. The name is the account key, never the e-mail:
 * the token customizer reads the account afresh by that key at every token, so roles and
 * suspension take effect at the next token.
 */
public record AccountUser(String accountId, String passwordHash, boolean suspended, boolean locked) implements UserDetails {

    public static AccountUser of(Account account, java.time.Instant now) {
        return new AccountUser(account.id(), account.passwordHash(), account.isSuspended(), account.isLockedAt(now));
    }

    @Override
    public String getUsername() {
        return accountId;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public boolean isEnabled() {
        return !suspended;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }
}
