package org.reciprocity.identity.mail;

import java.util.Locale;

import org.reciprocity.identity.IdentitySettings;
import org.reciprocity.identity.account.Account;
import org.reciprocity.kit.mail.MailFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The sign-in e-mails (a one-time sign-in link, an account locked), in the person's language: plain
 * text and a simple HTML twin. They stay here, sent straight away, because they answer what the
 * person is doing on a sign-in page right now; invitations go through notification-service
 * ({@code Invitations}). A failure to send is logged, not thrown: the answer on the page must not
 * depend on whether an e-mail went out.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender sender;
    private final MessageSource messages;
    private final IdentitySettings settings;

    public Mailer(JavaMailSender sender, MessageSource messages, IdentitySettings settings) {
        this.sender = sender;
        this.messages = messages;
        this.settings = settings;
    }

    public void signInLink(String email, Locale locale, String link) {
        send(email, locale, "mail.link", link);
    }

    public void accountLocked(Account account) {
        send(account.email(), account.locale(), "mail.locked", settings.issuerUrl() + "/login");
    }

    private void send(String to, Locale locale, String kind, String link) {
        String subject = messages.getMessage(kind + ".subject", null, locale);
        String body = messages.getMessage(kind + ".body", null, locale);
        String after = messages.getMessage(kind + ".after", null, locale);
        String text = body + "\n\n" + link + "\n\n" + after + "\n";
        String html = "<!doctype html><html lang=\"" + locale.getLanguage() + "\"><body style=\"font-family:sans-serif;font-size:19px\">"
                + "<p>" + HtmlUtils.htmlEscape(body) + "</p><p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">"
                + HtmlUtils.htmlEscape(link) + "</a></p><p>" + HtmlUtils.htmlEscape(after) + "</p></body></html>";
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.mailFrom());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, html);
            sender.send(message);
        } catch (MessagingException | RuntimeException e) {
            // not e.toString(): a refusal quotes the person's address ("550 5.1.1 <x@y>: ..."); code and classes only
            log.warn("could not send the {} e-mail: {}", kind, MailFailures.reason(e));
        }
    }
}
