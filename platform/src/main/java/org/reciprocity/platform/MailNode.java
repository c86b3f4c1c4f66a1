package org.reciprocity.platform;

import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A local SMTP server (GreenMail) that keeps every e-mail the services send, so nothing leaves the
 * machine; {@code GET /dev/mail} on the development issuer lists them.
 */
final class MailNode implements AutoCloseable {

    private final GreenMail mail;

    private MailNode(GreenMail mail) {
        this.mail = mail;
    }

    static MailNode start(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return new MailNode(mail);
    }

    /** Every e-mail received since start, newest last, as plain text a person can read. */
    byte[] listing() {
        StringBuilder out = new StringBuilder();
        MimeMessage[] messages = mail.getReceivedMessages();
        out.append(messages.length).append(" e-mail(s) sent by Reciprocity since the platform started\n");
        for (MimeMessage message : messages) {
            try {
                out.append("\n==== To: ").append(String.join(", ", GreenMailUtil.getAddressList(message.getAllRecipients())))
                        .append("\nSubject: ").append(message.getSubject())
                        .append("\nDate: ").append(message.getSentDate())
                        .append("\n\n").append(plainText(message)).append('\n');
            } catch (MessagingException | java.io.IOException e) {
                out.append("\n(unreadable message: ").append(e.getMessage()).append(")\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The plain-text part of an e-mail, decoded; the raw body if it has none. */
    private static String plainText(jakarta.mail.Part part) throws MessagingException, java.io.IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
            return null;
        }
        return part instanceof MimeMessage message ? GreenMailUtil.getBody(message) : null;
    }

    @Override
    public void close() {
        mail.stop();
    }

}
