package org.reciprocity.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class RememberedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    final List<String> verifiedTokens = new ArrayList<>();
    Instant expiry = NOW.plus(Duration.ofHours(1));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Stands in for the real verifier: accepts tokens starting with "good", until they expire. */
    final JwtDecoder verifier = token -> {
        verifiedTokens.add(token);
        if (!token.startsWith("good") || !clock.instant().isBefore(expiry)) {
            throw new BadJwtException("refused: " + token);
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("ann").issuedAt(NOW).expiresAt(expiry).build();
    };

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() {
        RememberedTokens tokens = new RememberedTokens(verifier, () -> clock.instant());

        tokens.decode("good-1");
        Jwt again = tokens.decode("good-1");

        assertThat(again.getSubject()).isEqualTo("ann");
        assertThat(verifiedTokens).containsExactly("good-1");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        RememberedTokens tokens = new RememberedTokens(verifier, () -> clock.instant());

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifiedTokens).containsExactly("forged", "forged");
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterFiveMinutes() {
        RememberedTokens tokens = new RememberedTokens(verifier, () -> clock.instant());
        tokens.decode("good-1");

        clock = Clock.fixed(NOW.plus(RememberedTokens.TRUST), ZoneOffset.UTC);
        tokens.decode("good-1");

        assertThat(verifiedTokens).containsExactly("good-1", "good-1");
    }

    @Test
    void aRememberedTokenPastItsExpiryIsVerifiedAgainAndRefused() {
        RememberedTokens tokens = new RememberedTokens(verifier, () -> clock.instant());
        tokens.decode("good-1");

        clock = Clock.fixed(expiry, ZoneOffset.UTC);

        assertThatThrownBy(() -> tokens.decode("good-1")).isInstanceOf(BadJwtException.class);
        assertThat(verifiedTokens).containsExactly("good-1", "good-1");
    }
}
