package org.reciprocity.identity.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reciprocity.identity.IdentitySettings;
import org.reciprocity.testsupport.RefusingSmtp;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Issue 18: a mail server that refuses the recipient quotes the address in its reply; the warning
 * logged for a sign-in link that could not be sent keeps the reply code, never the address.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailerRefusalTest {

    static final String ADDRESS = "ali.recovery@example.org";

    @Test
    void aRefusedSignInLinkIsLoggedWithTheReplyCodeButWithoutTheAddress(CapturedOutput output) throws Exception {
        try (RefusingSmtp smtp = new RefusingSmtp()) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.port());
            StaticMessageSource messages = new StaticMessageSource();
            for (String part : new String[] {"subject", "body", "after"}) {
                messages.addMessage("mail.link." + part, Locale.UK, "Sign in " + part);
            }
            Mailer mailer = new Mailer(sender, messages, new IdentitySettings("http://localhost:9000", "http://localhost:8080",
                    "portal", "secret", "reciprocity", false, null, "localhost", "hello@reciprocity.test", null));

            mailer.signInLink(ADDRESS, Locale.UK, "http://localhost:9000/login/ott?token=t");

            assertThat(output.getAll()).contains("could not send the mail.link e-mail", "SMTP 550 5.1.1")
                    .doesNotContain(ADDRESS).doesNotContain("ali.recovery");
        }
    }
}
