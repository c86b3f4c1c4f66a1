package org.reciprocity.notification.invitation;

import java.util.Locale;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.invitation.MemberInvited;
import org.reciprocity.kit.mail.MailFailures;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.reciprocity.notification.NotificationProperties;
import org.reciprocity.notification.message.Texts;
import org.reciprocity.notification.recipient.Recipients;
import org.reciprocity.notification.recipient.Timebank;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mails an invitation ({@link MemberInvited}) in the person's language, with its welcome link.
 * Sent straight from the event, not through the inbox and the delivery log: the link is a secret
 * (whoever holds it can set up the account), so it is written nowhere here, only into the e-mail.
 * For the same reason it ignores preferences and quiet hours: the person has none yet, and the
 * coordinator has just told them to look out for it.
 *
 * <p>Each event is sent once ({@link ProcessedEvents}, recorded after the send): a redelivered event
 * sends nothing. A send that fails is thrown, so the kit's error handler tries again and then
 * dead-letters the event (a coordinator can then invite the person again: a new link). Only a crash
 * between the send and the record may send it twice; the Message-ID, made from the event id, lets a
 * mail system spot that copy.
 */
@Component
class InvitationMail {

    static final String CONSUMER = "notification.invitations";
    private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);

    private final JavaMailSender mail;
    private final Texts texts;
    private final Recipients recipients;
    private final ProcessedEvents processed;
    private final String from;

    InvitationMail(JavaMailSender mail, Texts texts, Recipients recipients, ProcessedEvents processed,
                   NotificationProperties properties) {
        this.mail = mail;
        this.texts = texts;
        this.recipients = recipients;
        this.processed = processed;
        this.from = properties.mailFrom();
    }

    @KafkaListener(id = CONSUMER, topics = Topics.INVITATIONS_TOPIC)
    void on(DomainEvent event) {
        if (event instanceof MemberInvited invited) {
            processed.applyOnce(CONSUMER, invited, () -> send(invited));
        }
    }

    private void send(MemberInvited invited) {
        Locale locale = Texts.locale(invited.language());
        Timebank timebank = recipients.timebank(invited.timebankId());
        // a timebank not heard of yet is named by its id: say "your timebank" instead
        boolean named = !timebank.name().equals(timebank.timebankId());
        String subject = texts.say("invitation.subject", locale);
        String body = named ? texts.say("invitation.body", locale, timebank.name()) : texts.say("invitation.body.unnamed", locale);
        String after = texts.say("invitation.after", locale, texts.when(invited.linkExpiresAt(), timebank.zone(), locale));
        String link = invited.welcomeLink();
        try {
            MimeMessage message = mail instanceof JavaMailSenderImpl impl
                    ? withId(impl.getSession(), "<" + invited.eventId() + ".invitation@reciprocity>") : mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(invited.email());
            helper.setSubject(subject);
            helper.setText(body + "\n\n" + link + "\n\n" + after + "\n", html(locale, body, link, after));
            message.setHeader("Auto-Submitted", "auto-generated");
            mail.send(message);
        } catch (MessagingException e) {
            // no cause attached: the error handler logs causes, and these quote the address (issue 18)
            throw new IllegalStateException("could not write the invitation e-mail: " + MailFailures.reason(e));
        } catch (MailException e) {
            // retried and dead-lettered as before, but the server's reply ("550 5.1.1 <x@y>: ...") stays out of logs and headers
            throw new IllegalStateException("could not send the invitation e-mail: " + MailFailures.reason(e));
        }
        log.info("invitation {} e-mailed to member {} of {}", invited.eventId(), invited.memberId(), invited.timebankId());
    }

    private static String html(Locale locale, String body, String link, String after) {
        return "<!doctype html><html lang=\"" + locale.getLanguage() + "\"><body style=\"font-family:sans-serif;font-size:19px\">"
                + "<p>" + HtmlUtils.htmlEscape(body) + "</p><p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">"
                + HtmlUtils.htmlEscape(link) + "</a></p><p>" + HtmlUtils.htmlEscape(after) + "</p></body></html>";
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
