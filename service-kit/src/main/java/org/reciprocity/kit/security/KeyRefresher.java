package org.reciprocity.kit.security;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.KeySourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Fetches the issuer's keys as the service starts, retrying with back-off until it has them, and
 * refreshes them a minute before they would expire. Until the first fetch works the service's
 * health says DOWN ({@link IssuerHealthIndicator}); once it works, a member's first call finds
 * the keys already there instead of waiting on the issuer (the first call after start used to
 * time out on a busy machine). Its one thread is a daemon, stopped with the application.
 */
final class KeyRefresher implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KeyRefresher.class);

    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    /** At most the rate limit, so a retry is not refused by it for long. */
    static final Duration LONGEST_RETRY = IssuerKeys.RATE_LIMIT;
    static final Duration REFRESH_EVERY = IssuerKeys.TIME_TO_LIVE.minus(Duration.ofMinutes(1));

    private final IssuerKeys keys;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "issuer-keys");
        thread.setDaemon(true);
        return thread;
    });
    private Duration nextRetry = FIRST_RETRY;
    private boolean failing;

    KeyRefresher(IssuerKeys keys) {
        this.keys = keys;
    }

    @Override
    public void afterPropertiesSet() {
        scheduler.execute(this::refresh);
    }

    private void refresh() {
        try {
            keys.refresh();
            if (failing) {
                log.info("Fetched the issuer's keys from {} again", keys.uri());
            }
            failing = false;
            nextRetry = FIRST_RETRY;
            schedule(REFRESH_EVERY);
        } catch (KeySourceException | RuntimeException e) {
            if (!failing) {
                log.warn("Could not fetch the issuer's keys from {} ({}); retrying until it answers", keys.uri(), e.getMessage());
            }
            failing = true;
            schedule(nextRetry);
            nextRetry = min(nextRetry.multipliedBy(2), LONGEST_RETRY);
        }
    }

    private void schedule(Duration delay) {
        if (!scheduler.isShutdown()) {
            scheduler.schedule(this::refresh, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
