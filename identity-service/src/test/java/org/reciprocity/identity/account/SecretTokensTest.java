package org.reciprocity.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SecretTokensTest {

    @Test
    void aTokenIs32RandomBytesInBase64url() {
        String token = SecretTokens.newToken();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            many.add(SecretTokens.newToken());
        }
        assertThat(many).hasSize(1000);
    }

    @Test
    void theStoredFormIsItsSha256NotTheToken() {
        // SHA-256("abc") is the FIPS 180-2 test vector ba7816bf...
        assertThat(Base64.getUrlDecoder().decode(SecretTokens.hash("abc"))[0]).isEqualTo((byte) 0xba);
        String token = SecretTokens.newToken();
        assertThat(SecretTokens.hash(token)).isEqualTo(SecretTokens.hash(token)).isNotEqualTo(token);
    }
}
