package org.reciprocity.portal.record;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import org.reciprocity.portal.PortalSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * Checks a contribution record's signature itself, with Nimbus JOSE+JWT, against the keys the
 * ledger publishes (a JWK Set, kept for ten minutes and read again when a record names a key not in
 * it, at most once a minute). The portal does not take the ledger's word that a record is good: a
 * record pasted in, or read by its code, is valid only if this check passes.
 */
@Component
class RecordVerifier {

    static final String KEYS = "/api/v1/contribution-records/keys";
    private static final Duration KEEP = Duration.ofMinutes(10);
    private static final Duration RETRY_UNKNOWN = Duration.ofMinutes(1);

    private final RestClient ledger;
    private final Clock clock;
    private volatile JWKSet keys;
    private volatile Instant readAt = Instant.EPOCH;

    @Autowired
    RecordVerifier(PortalSettings settings) {
        this(RestClient.builder().baseUrl(settings.ledgerUrl()).requestFactory(new JdkClientHttpRequestFactory()).build(),
                Clock.systemUTC());
    }

    RecordVerifier(RestClient publicLedger, Clock clock) {
        this.ledger = publicLedger;
        this.clock = clock;
    }

    /** Whether a record checked; CANNOT_CHECK when the ledger's keys could not be read (say so, never "changed"). */
    enum Outcome {
        VALID, NOT_VALID, CANNOT_CHECK
    }

    /** The outcome of a check and, when valid, the record as signed. */
    record Checked(Outcome outcome, RecordView record) {
        static final Checked NOT_VALID = new Checked(Outcome.NOT_VALID, null);
        static final Checked CANNOT_CHECK = new Checked(Outcome.CANNOT_CHECK, null);

        boolean valid() {
            return outcome == Outcome.VALID;
        }
    }

    Checked check(String compactJws) {
        if (compactJws == null || compactJws.isBlank() || compactJws.length() > 100_000) {
            return Checked.NOT_VALID;
        }
        try {
            JWSObject jws = JWSObject.parse(compactJws.strip());
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm()) || jws.getHeader().getKeyID() == null) {
                return Checked.NOT_VALID;
            }
            JWK key = key(jws.getHeader().getKeyID());
            if (!(key instanceof ECKey ec) || !jws.verify(new ECDSAVerifier(ec.toPublicJWK()))) {
                return Checked.NOT_VALID;
            }
            RecordView view = RecordView.of(jws.getPayload().toJSONObject());
            return view == null ? Checked.NOT_VALID : new Checked(Outcome.VALID, view);
        } catch (KeysUnavailable unavailable) {
            return Checked.CANNOT_CHECK;
        } catch (ParseException | JOSEException | IllegalStateException malformed) {
            return Checked.NOT_VALID;
        }
    }

    /** A record as the ledger holds it for anyone with its code: the JWS and whether its member withdrew it. */
    record Published(String code, String jws, String status) {
        boolean withdrawn() {
            return "WITHDRAWN".equals(status);
        }
    }

    /**
     * The record with this code, read from the ledger without signing in; empty when there is none.
     * Only its JWS and status are taken: what it says is read from the JWS once its signature checks.
     */
    Optional<Published> byCode(String code) {
        String normal = normalise(code);
        if (normal == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(ledger.get().uri("/api/v1/contribution-records/{code}", normal).retrieve()
                    .body(Published.class));
        } catch (HttpClientErrorException.NotFound none) {
            return Optional.empty();
        } catch (RestClientException unreachable) {
            throw new KeysUnavailable(unreachable);
        }
    }

    /** A code as typed (any case, spaces or dashes, O for 0, I or L for 1), or null if it cannot be one. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('I', '1').replace('L', '1')
                .replace('O', '0');
        return code.matches("[0-9A-HJKMNP-TV-Z]{10}") ? code : null;
    }

    private JWK key(String keyId) {
        Instant now = clock.instant();
        JWKSet known = keys;
        if (known == null || readAt.plus(KEEP).isBefore(now)
                || known.getKeyByKeyId(keyId) == null && readAt.plus(RETRY_UNKNOWN).isBefore(now)) {
            known = read();
            keys = known;
            readAt = now;
        }
        return known.getKeyByKeyId(keyId);
    }

    private JWKSet read() {
        try {
            String body = ledger.get().uri(KEYS).retrieve().body(String.class);
            return JWKSet.parse(body == null ? "{\"keys\":[]}" : body);
        } catch (RestClientException | ParseException unreadable) {
            throw new KeysUnavailable(unreadable);
        }
    }

    /** The ledger's keys could not be read: nothing can be said about a record until they can. */
    static final class KeysUnavailable extends RuntimeException {
        KeysUnavailable(Throwable cause) {
            super("the ledger's contribution record keys could not be read", cause);
        }
    }
}
