package org.reciprocity.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.notification.NotificationFailed;
import org.reciprocity.notification.NotificationProperties;
import org.reciprocity.notification.contact.Help;
import org.reciprocity.notification.message.MessageKind;
import org.reciprocity.notification.message.Notice;
import org.reciprocity.notification.message.Texts.Text;
import org.reciprocity.testsupport.RefusingSmtp;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Issue 18: a mail server's refusal quotes the address, and the reason of a failed send is logged,
 * kept in {@code deliveries.lastError} and published in {@code NotificationFailed.reason}. Against a
 * real SMTP server that refuses the recipient, the reason keeps the reply code, never the address.
 */
class MailRefusalHygieneTest {

    static final String ADDRESS = "ali.recovery@example.org";
    static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z");

    RefusingSmtp smtp;

    @AfterEach
    void stop() throws Exception {
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void aRefusedRecipientLeavesTheCodeButNotTheAddressInTheStoredAndPublishedReason() throws Exception {
        smtp = new RefusingSmtp();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.port());
        TemplateEngine templates = new SpringTemplateEngine();
        templates.setTemplateResolver(new StringTemplateResolver());
        EmailChannel channel = new EmailChannel(sender, templates,
                new NotificationProperties("http://localhost", "hello@reciprocity.test", null, null, null, null));

        DeliveryException refused = catchThrowableOfType(DeliveryException.class, () -> channel.send(letterTo(ADDRESS)));

        // the server really quoted the address: the raw failure holds it, the reason does not
        assertThat(rawText(refused.getCause())).contains(ADDRESS);
        assertThat(refused.getMessage()).contains("SMTP 550 5.1.1").doesNotContain(ADDRESS).doesNotContain("@");

        RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(10), 1);
        Delivery pending = Delivery.of(new Notice("e-1", NOW, "tb", "ali", MessageKind.PLEASE_CONFIRM, Map.of(), false),
                "EMAIL", false, NOW);
        Delivery.Outcome failed = pending.claimed(NOW).failed(refused.getMessage(), refused.permanent(), NOW, retry);

        assertThat(failed.delivery().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.delivery().lastError()).isEqualTo(refused.getMessage()).doesNotContain(ADDRESS);
        assertThat(failed.event()).isInstanceOfSatisfying(NotificationFailed.class,
                e -> assertThat(e.reason()).contains("550 5.1.1").doesNotContain(ADDRESS).doesNotContain("@"));
    }

    @Test
    void anAddressThatCannotBeReadIsNotQuotedEither() {
        EmailChannel channel = new EmailChannel(new JavaMailSenderImpl(), new TemplateEngine(),
                new NotificationProperties("http://localhost", "hello@reciprocity.test", null, null, null, null));
        String unreadable = "ali recovery@@example..org";

        DeliveryException refused = catchThrowableOfType(DeliveryException.class, () -> channel.send(letterTo(unreadable)));

        assertThat(refused.permanent()).isTrue();
        assertThat(rawText(refused.getCause())).contains("recovery@@example");
        assertThat(refused.getMessage()).startsWith("could not write the e-mail: ").doesNotContain("recovery");
    }

    private static Letter letterTo(String address) {
        return new Letter("e-1:ali:EMAIL", address, Locale.UK, "Ali", "Riverside", "Please confirm",
                List.of(new Text("Please confirm", List.of("Bo gave you 1 h."), null, null)), false,
                "http://localhost/api/v1/unsubscribe/t", "http://localhost", new Help("Help", "Coordinators", "Support"));
    }

    /** Everything the failure would have said: its own text and its causes'. */
    private static String rawText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
