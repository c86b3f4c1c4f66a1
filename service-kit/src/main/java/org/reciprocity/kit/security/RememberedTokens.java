package org.reciprocity.kit.security;

import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.util.ConcurrentLruCache;

/**
 * Remembers the tokens it has verified, so a member's next call with the very same token skips
 * the signature check and the parsing (about a sixth of the ledger's CPU per call, measured with
 * JFR). Keyed by the whole token, signature included: only those exact bytes, already verified,
 * are taken on trust. A remembered token past its expiry is verified again, which refuses it.
 * Tokens are never refreshed in place, so nothing else about them can change.
 */
final class RememberedTokens implements JwtDecoder {

    static final int CAPACITY = 10_000;

    private final JwtDecoder verifier;
    private final Supplier<Instant> now;
    private final ConcurrentLruCache<String, Jwt> verified;

    RememberedTokens(JwtDecoder verifier, Supplier<Instant> now) {
        this.verifier = verifier;
        this.now = now;
        this.verified = new ConcurrentLruCache<>(CAPACITY, verifier::decode);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        Instant expires = jwt.getExpiresAt();
        if (expires != null && !now.get().isBefore(expires)) {
            verified.remove(token);
            return verifier.decode(token);
        }
        return jwt;
    }
}
