package org.reciprocity.identity.signin;

import java.util.Optional;

import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.account.Accounts;
import org.reciprocity.identity.account.PasswordRules;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in pages: password, asking for a link, following a link, and setting a new password. */
@Controller
class SignInPages {

    private final Accounts accounts;
    private final PasswordRules rules;
    private final PasswordEncoder encoder;

    private final PublicKeyCredentialUserEntityRepository passkeyUsers;

    SignInPages(Accounts accounts, PasswordRules rules, PasswordEncoder encoder, PublicKeyCredentialUserEntityRepository passkeyUsers) {
        this.passkeyUsers = passkeyUsers;
        this.accounts = accounts;
        this.rules = rules;
        this.encoder = encoder;
    }

    /** Nothing lives at identity's root: a signed-in person belongs on the portal (where passkey sign-in lands). */
    @GetMapping("/")
    String home(org.springframework.ui.Model model) {
        return "redirect:" + model.getAttribute("portalUrl");
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("error", error == null ? null : switch (error) {
            case "locked", "suspended", "wait", "link" -> error;
            default -> "wrong";
        });
        return "login";
    }

    /**
     * Spring Security's passkey script (it serves it only beside its own generated login page, which we
     * replace): the sign-in page's passkey button calls its setupLogin.
     */
    @GetMapping(value = "/login/webauthn.js", produces = "text/javascript")
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.core.io.Resource webauthnScript() {
        return new org.springframework.core.io.ClassPathResource("org/springframework/security/spring-security-webauthn.js");
    }

    @GetMapping("/login/link")
    String askForLink(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("next", "password".equals(next) ? "password" : null);
        return "link";
    }

    @GetMapping("/login/link-sent")
    String linkSent() {
        return "link-sent";
    }

    /** The page the e-mailed link opens: a button that posts the token (a GET must not sign anyone in). */
    @GetMapping("/login/ott")
    String followLink(@RequestParam(required = false) String token, @RequestParam(required = false) String next, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("next", "password".equals(next) ? "password" : null);
        return "follow-link";
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "password";
    }

    @PostMapping("/account/password")
    String setPassword(@AuthenticationPrincipal UserDetails user, @RequestParam String password,
                       @RequestParam(name = "confirm-password") String confirm, Model model) {
        Optional<Account> account = accounts.byId(user.getUsername());
        if (account.isEmpty()) {
            return "redirect:/login";
        }
        Optional<PasswordRules.Refused> refused = password.equals(confirm)
                ? rules.check(password, account.get().email()) : Optional.of(PasswordRules.Refused.NOT_THE_SAME);
        if (refused.isPresent()) {
            model.addAttribute("refused", refused.get().code());
            return "password";
        }
        accounts.setPassword(account.get().id(), encoder.encode(password));
        accounts.activate(account.get().id());
        return "password-set";
    }

    /** The passkey page; the person's WebAuthn identity is made here so their device shows their e-mail. */
    @GetMapping("/account/passkey")
    String passkey(@AuthenticationPrincipal UserDetails user) {
        if (passkeyUsers.findByUsername(user.getUsername()) == null) {
            accounts.byId(user.getUsername()).ifPresent(account -> passkeyUsers.save(ImmutablePublicKeyCredentialUserEntity.builder()
                    .id(Bytes.random()).name(account.id()).displayName(account.email()).build()));
        }
        return "passkey";
    }
}
