package org.reciprocity.contracts.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The welcome link is a secret: printing the event (a log line, a dead-letter reason) must not show it. */
class MemberInvitedTest {

    static final Instant AT = Instant.parse("2026-11-25T09:30:00Z");

    @Test
    void printingTheEventLeavesTheLinkAndTheAddressOut() {
        MemberInvited invited = new MemberInvited(UUID.randomUUID(), AT, "riverside", "ines", "ines@example.org", "fr",
                "https://sign-in.example.org/welcome/secret-token", AT.plusSeconds(7 * 24 * 3600));

        assertThat(invited.toString()).contains("ines").contains("riverside")
                .doesNotContain("secret-token").doesNotContain("ines@example.org");
    }

    @Test
    void anInvitationWithoutALinkOrAnAddressIsNotAnInvitation() {
        assertThatThrownBy(() -> new MemberInvited(UUID.randomUUID(), AT, "riverside", "ines", "ines@example.org", "fr",
                null, AT)).hasMessageContaining("welcomeLink is required");
        assertThatThrownBy(() -> new MemberInvited(UUID.randomUUID(), AT, "riverside", "ines", " ", "fr",
                "https://sign-in.example.org/welcome/x", AT)).hasMessageContaining("email is required");
    }
}
