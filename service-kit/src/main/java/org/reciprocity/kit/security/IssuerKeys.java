package org.reciprocity.kit.security;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.jwk.source.RetryingJWKSetSource;
import com.nimbusds.jose.jwk.source.RateLimitedJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

/**
 * The issuer's public keys, fetched over HTTP and kept for {@link #TIME_TO_LIVE}. A fetch waits
 * at most the connect and read timeouts and is retried once at once; a refresh for a key id the
 * set does not have is made at most twice per {@link #RATE_LIMIT} (a flood of tokens with made-up
 * key ids does not become a flood of calls to the issuer). {@link KeyRefresher} fetches the set
 * at start and refreshes it before it expires, so a request does not wait on the issuer.
 *
 * <p>It remembers whether the last fetch worked, which tells "the issuer could not be reached"
 * (the service's fault, a 503) from "this token names a key the issuer does not have" (a 401).
 */
final class IssuerKeys implements AutoCloseable {

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);
    /** How long a request waits for a fetch another request started: two attempts and a margin. */
    static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(15);
    static final Duration RATE_LIMIT = Duration.ofSeconds(5);
    private static final int SIZE_LIMIT = 256 * 1024;

    private final String uri;
    private final Clock clock;
    private final CachingJWKSetSource<SecurityContext> cache;
    private final JWKSource<SecurityContext> source;
    private volatile Instant fetchedAt;
    private volatile int keyCount;
    private volatile boolean lastFetchFailed;
    private volatile String lastError;

    IssuerKeys(String jwkSetUri, Duration connectTimeout, Duration readTimeout, Clock clock) {
        this.uri = jwkSetUri;
        this.clock = clock;
        DefaultResourceRetriever http = new DefaultResourceRetriever((int) connectTimeout.toMillis(),
                (int) readTimeout.toMillis(), SIZE_LIMIT);
        JWKSetSource<SecurityContext> fetch = new Observed(new URLBasedJWKSetSource<>(url(jwkSetUri), http));
        this.cache = new CachingJWKSetSource<>(
                new RateLimitedJWKSetSource<>(new RetryingJWKSetSource<>(fetch, null), RATE_LIMIT.toMillis(), null),
                TIME_TO_LIVE.toMillis(), REFRESH_TIMEOUT.toMillis(), null);
        this.source = new JWKSetBasedJWKSource<>(cache);
    }

    /** Where the verifier finds the keys. */
    JWKSource<SecurityContext> source() {
        return source;
    }

    /** Fetches the key set now, whatever the cache holds. */
    void refresh() throws KeySourceException {
        cache.getJWKSet(JWKSetCacheRefreshEvaluator.forceRefresh(), clock.millis(), null);
    }

    /** True while a key set fetched less than {@link #TIME_TO_LIVE} ago is held, so tokens can be checked. */
    boolean held() {
        Instant at = fetchedAt;
        return at != null && clock.instant().isBefore(at.plus(TIME_TO_LIVE));
    }

    /**
     * Whether a failure to verify came from not reaching the issuer. A refresh refused by the rate
     * limit counts as unreachable only when the last real fetch failed: otherwise the keys are
     * fresh and the token simply names a key the issuer does not have.
     */
    boolean unreachable(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof RateLimitReachedException) {
                return lastFetchFailed || fetchedAt == null;
            }
            if (e instanceof JWKSetUnavailableException || e instanceof RemoteKeySourceException) {
                return true;
            }
        }
        return false;
    }

    String uri() {
        return uri;
    }

    Instant fetchedAt() {
        return fetchedAt;
    }

    int keyCount() {
        return keyCount;
    }

    String lastError() {
        return lastFetchFailed ? lastError : null;
    }

    @Override
    public void close() throws IOException {
        cache.close();
    }

    private static java.net.URL url(String uri) {
        try {
            return URI.create(uri).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + uri, e);
        }
    }

    /** Notes the outcome of each real fetch (each attempt, retries included). */
    private final class Observed implements JWKSetSource<SecurityContext> {
        private final JWKSetSource<SecurityContext> fetch;

        Observed(JWKSetSource<SecurityContext> fetch) {
            this.fetch = fetch;
        }

        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator evaluator, long currentTime, SecurityContext context)
                throws KeySourceException {
            try {
                JWKSet keys = fetch.getJWKSet(evaluator, currentTime, context);
                keyCount = keys.getKeys().size();
                fetchedAt = clock.instant();
                lastFetchFailed = false;
                return keys;
            } catch (KeySourceException e) {
                lastError = e.getMessage();
                lastFetchFailed = true;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            fetch.close();
        }
    }
}
