package org.reciprocity.identity.invitation;

import java.util.List;
import java.util.Optional;

import org.reciprocity.identity.IdentitySettings;
import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.account.AccountUser;
import org.reciprocity.identity.account.Accounts;
import org.reciprocity.identity.account.PasswordRules;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page an invitation links to: the person chooses a password or a passkey. The token is used up
 * only when the choice is made (a mail scanner that opens the link spends nothing).
 */
@Controller
class WelcomePage {

    private final WelcomeTokens tokens;
    private final Accounts accounts;
    private final PasswordRules rules;
    private final PasswordEncoder encoder;
    private final IdentitySettings settings;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    WelcomePage(WelcomeTokens tokens, Accounts accounts, PasswordRules rules, PasswordEncoder encoder, IdentitySettings settings) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.rules = rules;
        this.encoder = encoder;
        this.settings = settings;
    }

    @GetMapping("/welcome/{token}")
    String welcome(@PathVariable String token, Model model) {
        if (tokens.peek(token).flatMap(accounts::byId).isEmpty()) {
            return "welcome-gone";
        }
        model.addAttribute("token", token);
        return "welcome";
    }

    @PostMapping("/welcome/{token}")
    String setUp(@PathVariable String token, @RequestParam(required = false) String method,
                 @RequestParam(required = false) String password,
                 @RequestParam(name = "confirm-password", required = false) String confirm,
                 Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<Account> invited = tokens.peek(token).flatMap(accounts::byId);
        if (invited.isEmpty()) {
            return "welcome-gone";
        }
        Account account = invited.get();
        model.addAttribute("token", token);
        boolean passkey = "passkey".equals(method);
        if (!passkey) {
            Optional<PasswordRules.Refused> refused = password != null && password.equals(confirm)
                    ? rules.check(password, account.email()) : Optional.of(password == null || password.isEmpty()
                    ? PasswordRules.Refused.TOO_SHORT : PasswordRules.Refused.NOT_THE_SAME);
            if (refused.isPresent()) {
                model.addAttribute("refused", refused.get().code());
                return "welcome";
            }
        }
        // the one use of the token: if another tab used it first, this one stops here
        if (tokens.use(token).filter(account.id()::equals).isEmpty()) {
            return "welcome-gone";
        }
        if (!passkey) {
            accounts.setPassword(account.id(), encoder.encode(password));
        }
        accounts.activate(account.id());
        signIn(account, request, response);
        return passkey ? "redirect:/account/passkey" : "redirect:" + settings.portalSignIn();
    }

    private void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        java.time.Instant now = java.time.Instant.now();
        AccountUser user = AccountUser.of(account, now);
        // the welcome link proved the e-mail, as a one-time token does: that is the factor
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(
                new SimpleGrantedAuthority("ROLE_USER"),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.OTT_AUTHORITY).issuedAt(now).build())));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
