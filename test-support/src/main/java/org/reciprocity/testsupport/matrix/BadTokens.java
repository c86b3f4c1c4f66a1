package org.reciprocity.testsupport.matrix;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.reciprocity.testsupport.TestTokens;

/**
 * Tokens a service must refuse as if no one had signed in (401 {@code not-signed-in}), each wrong in
 * one way only and otherwise the best there is (an ADMIN of the timebank the path names): signed by
 * a key the services do not trust, for another audience, from another issuer, expired. The
 * {@link AuthorizationMatrix} tries each on every operation; a service's own table may use them too.
 */
public final class BadTokens {

    /** Past the clock skew token validators allow (a minute by default), so it is expired everywhere. */
    static final Duration EXPIRED_SINCE = Duration.ofMinutes(10);

    private BadTokens() {
    }

    /** The bad tokens by what is wrong with them, for {@code caller} in {@code timebank} with {@code role}. */
    public static Map<String, String> of(TestTokens tokens, String caller, String timebank, String role) {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("a forged signature", TestTokens.forgedToken(caller, timebank, role));
        bad.put("another audience", tokens.tokenFrom(tokens.issuer(), "another-audience", caller, timebank, role));
        bad.put("another issuer", tokens.tokenFrom("https://issuer.example", TestTokens.AUDIENCE, caller, timebank, role));
        bad.put("expired", tokens.token(caller, timebank, EXPIRED_SINCE.negated(), role));
        return bad;
    }
}
