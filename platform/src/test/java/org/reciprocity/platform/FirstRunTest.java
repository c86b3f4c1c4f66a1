package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What the run command prints on a first start, and later. */
class FirstRunTest {

    @Test
    void aFirstStartPrintsThePortalAndTheFirstAdminsOneTimeLink() throws Exception {
        int port = FreePorts.one();
        try (FakeIdentity identity = new FakeIdentity(port, "reciprocity")) {
            identity.firstAdminLink = "http://localhost:" + port + "/welcome/abc123";

            Optional<String> link = new IdentityClient("http://localhost:" + port).firstAdminLink();

            assertThat(LocalPlatform.firstRunLines("http://localhost:8080", true, link))
                    .contains(" Open the portal: http://localhost:8080")
                    .contains(" Set up the first admin: http://localhost:" + port + "/welcome/abc123");
        }
    }

    @Test
    void onceAnAdminHasSetUpSignInThereIsNoLinkToPrint() throws Exception {
        int port = FreePorts.one();
        try (FakeIdentity identity = new FakeIdentity(port, "reciprocity")) {
            identity.firstAdminLink = null;

            Optional<String> link = new IdentityClient("http://localhost:" + port).firstAdminLink();

            assertThat(link).isEmpty();
            assertThat(LocalPlatform.firstRunLines("http://localhost:8080", true, link))
                    .containsExactly(" Open the portal: http://localhost:8080");
        }
    }

    @Test
    void withoutThePortalThereIsNoAddressToOpen() {
        assertThat(LocalPlatform.firstRunLines("http://localhost:8080", false, Optional.empty())).isEmpty();
    }
}
