package org.reciprocity.identity.signin;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.reciprocity.identity.IdentitySettings;
import org.reciprocity.identity.account.Accounts;
import org.reciprocity.identity.mail.Mailer;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * E-mails the sign-in link when the e-mail belongs to someone who may sign in, and in every case
 * answers with the same page: the answer never tells whether an e-mail has an account.
 */
class LinkSender implements OneTimeTokenGenerationSuccessHandler {

    private final Accounts accounts;
    private final Mailer mailer;
    private final IdentitySettings settings;

    LinkSender(Accounts accounts, Mailer mailer, IdentitySettings settings) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.settings = settings;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token) throws IOException {
        boolean reset = "password".equals(request.getParameter("next"));
        String link = settings.issuerUrl() + "/login/ott?token=" + URLEncoder.encode(token.getTokenValue(), StandardCharsets.UTF_8)
                + (reset ? "&next=password" : "");
        accounts.byEmail(token.getUsername())
                .filter(account -> !account.isSuspended())
                .ifPresent(account -> mailer.signInLink(account.email(), account.locale(), link));
        response.sendRedirect("/login/link-sent");
    }
}
