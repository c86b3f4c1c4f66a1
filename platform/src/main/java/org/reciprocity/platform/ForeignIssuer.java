package org.reciprocity.platform;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * An issuer the services must not trust, for the tests that prove they refuse it: a key of the
 * launcher's own (made fresh, published nowhere) signing well-formed tokens that name any issuer
 * and audience. identity-service signs the tokens the services take; this one models everyone else.
 */
final class ForeignIssuer {

    private final RSAKey key;

    ForeignIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("foreign-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not make the foreign issuer's key", e);
        }
    }

    /** Its public key (a test may trust it on purpose, to see that issuer and audience are checked too). */
    RSAKey publicKey() {
        return key.toPublicJWK();
    }

    String token(String issuer, String audience, String memberId, String timebankId, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(memberId)
                .claim("timebank_id", timebankId)
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(IdentityClient.TOKEN_LIFETIME)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
