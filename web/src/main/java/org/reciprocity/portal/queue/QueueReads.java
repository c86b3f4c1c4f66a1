package org.reciprocity.portal.queue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import jakarta.annotation.PreDestroy;
import org.reciprocity.portal.services.Services;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The two reads behind the queue, made at the same time: matching's (needs, proposals, members to
 * watch, newcomers) and the ledger's (disputes, contributions waiting past a reminder, balances near
 * a limit). Each answer already carries the names members see, so the page makes no call per item.
 * A read runs on another thread with the page's person, language and request, so it goes with their
 * token and their words; the token is made fresh on the page's own thread first (see the controller),
 * so the two reads never both try to refresh it.
 */
@Component
class QueueReads {

    /** At most this many items of each kind come back when the page shows one kind; the counts are the true ones. */
    static final int PER_KIND = 50;
    /**
     * At most this many of each kind when the page shows every kind: the overview is read first thing
     * and often (htmx every 30 s), and eight kinds of 50 items each took the portal most of a second to
     * word and render on a large timebank (docs/benchmarks/coordinator.md); "see all" opens one kind.
     */
    static final int OVERVIEW_PER_KIND = 5;

    private final Services services;
    private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "queue-read");
        t.setDaemon(true);
        return t;
    });

    QueueReads(Services services) {
        this.services = services;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    CompletableFuture<MatchingQueue> matching(String tb, int limit, boolean newest) {
        return async(() -> services.matching().get().uri(Services.TB + "/coordinator/queue?limit={limit}&newest={newest}",
                        tb, limit, newest)
                .retrieve().body(MatchingQueue.class));
    }

    CompletableFuture<LedgerQueue> ledger(String tb, int limit, boolean newest) {
        return async(() -> services.ledger().get().uri(Services.TB + "/coordinator/queue?limit={limit}&newest={newest}",
                        tb, limit, newest)
                .retrieve().body(LedgerQueue.class));
    }

    private <T> CompletableFuture<T> async(Supplier<T> read) {
        SecurityContext security = SecurityContextHolder.getContext();
        LocaleContext locale = LocaleContextHolder.getLocaleContext();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(security);
            LocaleContextHolder.setLocaleContext(locale);
            RequestContextHolder.setRequestAttributes(request);
            try {
                return read.get();
            } finally {
                SecurityContextHolder.clearContext();
                LocaleContextHolder.resetLocaleContext();
                RequestContextHolder.resetRequestAttributes();
            }
        }, pool);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Part<T>(long count, List<T> items) {
        List<T> list() {
            return items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Need(String listingId, String ownerId, String ownerName, String title, Instant publishedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Proposal(String matchId, String giverId, String giverName, String receiverId, String receiverName,
                    String activity, Instant proposedAt, List<String> waitingOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    /** The minutes are absent where they say nothing (a newcomer). */
    record Member(String memberId, String name, Long givenMinutes, Long receivedMinutes, Instant registeredAt) {
        long given() {
            return givenMinutes == null ? 0 : givenMinutes;
        }

        long received() {
            return receivedMinutes == null ? 0 : receivedMinutes;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MatchingQueue(Part<Need> needsWithoutMatch, Part<Proposal> unansweredMatches,
                         Part<Member> receivedMuchGaveNothing, Part<Member> gaveMuchReceivedNothing,
                         Part<Member> newWithoutProfile) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OpenContribution(String contributionId, String giverId, String giverName, String receiverId,
                            String receiverName, long minutes, Instant loggedAt, int remindersSent, String waitingOnId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Balance(String memberId, String name, long balanceMinutes, long limitMinutes, String side) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LedgerQueue(Part<OpenContribution> disputes, Part<OpenContribution> waitingPastReminder,
                       Part<Balance> balancesNearLimit) {
    }
}
