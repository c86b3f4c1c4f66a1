package org.reciprocity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class IdentitySettingsTest {

    @Test
    void withoutAClientSecretTheServiceDoesNotStartOutsideTheLocalPlatform() {
        assertThatThrownBy(() -> settings("", false)).isInstanceOf(IllegalStateException.class).hasMessageContaining("WEB_CLIENT_SECRET");
        assertThatThrownBy(() -> settings(null, false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onTheLocalPlatformAMissingSecretFallsBackToTheDevelopmentOne() {
        assertThat(settings("", true).clientSecret()).isEqualTo(IdentitySettings.LOCAL_CLIENT_SECRET);
        assertThat(settings("from-the-launcher", true).clientSecret()).isEqualTo("from-the-launcher");
    }

    private static IdentitySettings settings(String secret, boolean local) {
        return new IdentitySettings("http://localhost:9090", "http://localhost:8080", "reciprocity-portal", secret,
                "reciprocity", local, "demo", "localhost", "x@localhost", Duration.ofSeconds(1));
    }
}
