package org.reciprocity.kit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailFailuresTest {

    /** What Spring's MailSendException says for a Postfix refusal (it has no cause: the library's exceptions are quoted). */
    static final String SPRING_REFUSAL = """
            Failed messages: jakarta.mail.SendFailedException: Invalid Addresses;
              nested exception is:
            \torg.eclipse.angus.mail.smtp.SMTPAddressFailedException: 550 5.1.1 <ali.recovery@example.org>: Recipient address rejected: User unknown
            """;

    @Test
    void aRefusalKeepsTheReplyCodeAndTheClassesButNeitherTheAddressNorTheServersWords() {
        String reason = MailFailures.reason(new IllegalStateException(SPRING_REFUSAL));

        assertThat(reason).isEqualTo("IllegalStateException > SendFailedException > SMTPAddressFailedException: SMTP 550 5.1.1, refused for good");
        assertThat(reason).doesNotContain("ali.recovery", "@", "Recipient address rejected", "User unknown");
    }

    @Test
    void theReplyIsFoundInACauseAndATemporaryRefusalSaysSo() {
        Exception e = new RuntimeException("could not send", new Exception("451 4.3.0 <bo@example.org>: Temporary lookup failure"));

        assertThat(MailFailures.reason(e)).isEqualTo("RuntimeException > Exception: SMTP 451 4.3.0, refused for now")
                .doesNotContain("bo@");
    }

    @Test
    void aPortNumberIsNotAReplyCode() {
        Exception e = new RuntimeException("Couldn't connect to host, port: localhost, 465; timeout -1");

        assertThat(MailFailures.reason(e)).isEqualTo("RuntimeException");
    }

    @Test
    void anAddressThatWouldStillGetThroughIsReplaced() {
        assertThat(MailFailures.withoutAddresses("rejected <x.y+tag@mail.example.org>: no; and z@w.fr too"))
                .isEqualTo("rejected <<address removed>>: no; and <address removed> too");
        assertThat(MailFailures.withoutAddresses("no address here")).isEqualTo("no address here");
        assertThat(MailFailures.withoutAddresses(null)).isNull();
    }

    @Test
    void noFailureIsStillAReason() {
        assertThat(MailFailures.reason(null)).isEqualTo("unknown failure");
    }
}
