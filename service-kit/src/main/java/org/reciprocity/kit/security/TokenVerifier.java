package org.reciprocity.kit.security;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies a token: signed (RS256) by one of the issuer's keys, from the trusted issuer, for one
 * of our audiences, not expired. Every failure is one of two kinds, because Spring Security
 * answers them differently: the token's fault ({@link BadJwtException}, a 401 "please sign in
 * again") or ours, the issuer could not be reached ({@link IssuerUnreachable}, a 503 "try again
 * in a minute"). Before, a key-set fetch that timed out was neither, escaped the filter chain and
 * came back as a 401 for {@code /error}.
 */
final class TokenVerifier implements JwtDecoder {

    private final NimbusJwtDecoder decoder;
    private final IssuerKeys keys;

    TokenVerifier(TrustedIssuer issuer, IssuerKeys keys) {
        this.keys = keys;
        this.decoder = NimbusJwtDecoder.withJwkSource(keys.source()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        this.decoder.setJwtValidator(issuer.validator());
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        try {
            return decoder.decode(token);
        } catch (BadJwtException e) {
            throw e;
        } catch (JwtException e) {
            if (keys.unreachable(e)) {
                throw new IssuerUnreachable(e);
            }
            throw new BadJwtException(e.getMessage(), e); // malformed, or an algorithm we do not take
        }
    }

    /** The issuer's keys could not be fetched: nobody's sign-in can be checked just now. */
    static final class IssuerUnreachable extends JwtException {
        IssuerUnreachable(Throwable cause) {
            super("The issuer's keys could not be fetched: " + cause.getMessage(), cause);
        }
    }
}
