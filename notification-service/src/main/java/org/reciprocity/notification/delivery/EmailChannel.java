package org.reciprocity.notification.delivery;

import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

import org.reciprocity.kit.mail.MailFailures;
import org.reciprocity.notification.NotificationProperties;
import org.reciprocity.notification.recipient.Recipient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * E-mail through SMTP (Spring's mail support): a plain-text and an HTML part from the Thymeleaf
 * templates {@code mail/letter.txt} and {@code mail/letter.html}, and a one-click unsubscribe
 * header (RFC 8058). The Message-ID is derived from the delivery, so a mail system can spot a copy.
 */
@Component
class EmailChannel implements OutboundChannel {

    private final JavaMailSender mail;
    private final TemplateEngine templates;
    private final String from;

    EmailChannel(JavaMailSender mail, TemplateEngine mailTemplates, NotificationProperties properties) {
        this.mail = mail;
        this.templates = mailTemplates;
        this.from = properties.mailFrom();
    }

    @Override
    public String name() {
        return "EMAIL";
    }

    @Override
    public Optional<String> addressOf(Recipient recipient) {
        return Optional.ofNullable(recipient.email()).filter(email -> !email.isBlank());
    }

    @Override
    public void send(Letter letter) {
        MimeMessage message;
        try {
            message = compose(letter);
        } catch (MessagingException | RuntimeException e) {
            boolean badAddress = e instanceof AddressException || e.getCause() instanceof AddressException;
            // an AddressException quotes the address it could not read: keep its class only
            throw new DeliveryException("could not write the e-mail: " + MailFailures.reason(e), badAddress, e);
        }
        try {
            mail.send(message);
        } catch (MailException e) {
            // the server's reply quotes the address ("550 5.1.1 <x@y>: ..."): the reason keeps its code only,
            // as it is logged, stored in deliveries.lastError and published in NotificationFailed.reason
            throw new DeliveryException(MailFailures.reason(e), false, e);
        }
    }

    private MimeMessage compose(Letter letter) throws MessagingException {
        String messageId = "<" + letter.reference().replace(':', '.') + "@reciprocity>";
        MimeMessage message = mail instanceof JavaMailSenderImpl impl ? withId(impl.getSession(), messageId)
                : mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(letter.address());
        helper.setSubject(letter.subject());
        String[] bodies = render(templates, letter);
        helper.setText(bodies[0], bodies[1]);
        message.setHeader("List-Unsubscribe", "<" + letter.unsubscribeUrl() + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    /** The plain-text twin and the HTML of a letter, from the same words: {@code [text, html]}. */
    static String[] render(TemplateEngine templates, Letter letter) {
        Context context = new Context(letter.locale());
        context.setVariable("lang", letter.locale().getLanguage());
        context.setVariable("letter", letter);
        context.setVariable("name", letter.recipientName());
        context.setVariable("timebankName", letter.timebankName());
        context.setVariable("subject", letter.subject());
        context.setVariable("preheader", letter.preheader());
        context.setVariable("items", letter.items());
        context.setVariable("digest", letter.digest());
        context.setVariable("unsubscribeUrl", letter.unsubscribeUrl());
        context.setVariable("help", letter.help());
        return new String[] {templates.process("letter.txt", context), templates.process("letter.html", context)};
    }

    private static MimeMessage withId(Session session, String messageId) {
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }
}
