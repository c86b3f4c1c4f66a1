package org.reciprocity.identity.local;

import java.util.Optional;

import org.reciprocity.identity.IdentitySettings;
import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.account.Accounts;
import org.reciprocity.identity.account.PasswordRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The local platform's demo timebank ({@code RECIPROCITY_DEMO=true}) gives its members a known
 * password, so a newcomer can sign in as any of them at once: {@code POST /local/password} (form
 * {@code member}, {@code timebank}, {@code password}) sets the password of an account that exists
 * (invited through the API as any other) and completes its set-up, as the welcome page would. The
 * password must pass the same rules. Like the other helpers: 404 unless the local switch is on and
 * the caller is on this machine.
 */
@RestController
class LocalPasswords {

    private final LocalOnly guard;
    private final Accounts accounts;
    private final PasswordRules rules;
    private final PasswordEncoder encoder;

    LocalPasswords(IdentitySettings settings, Accounts accounts, PasswordRules rules, PasswordEncoder encoder) {
        this.guard = new LocalOnly(settings.local());
        this.accounts = accounts;
        this.rules = rules;
        this.encoder = encoder;
    }

    @PostMapping(value = "/local/password", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> setPassword(@RequestParam String member, @RequestParam String timebank,
                                       @RequestParam String password, HttpServletRequest request) {
        if (!guard.allows(request)) {
            return ResponseEntity.notFound().build();
        }
        Optional<Account> account = accounts.byId(Account.key(timebank, member));
        if (account.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("no account " + member + " in " + timebank);
        }
        Optional<PasswordRules.Refused> refused = rules.check(password, account.get().email());
        if (refused.isPresent()) {
            return ResponseEntity.badRequest().body(refused.get().code());
        }
        accounts.setPassword(account.get().id(), encoder.encode(password));
        accounts.activate(account.get().id());
        return ResponseEntity.ok("set");
    }
}
