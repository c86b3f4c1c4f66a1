package org.reciprocity.portal.queue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import org.reciprocity.portal.PortalSettings;
import org.reciprocity.portal.services.Services;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The two reads behind the queue, made at the same time: matching's (needs, proposals, members to
 * watch, newcomers) and the ledger's (disputes, contributions waiting past a reminder, balances near
 * a limit). Each answer already carries the names members see, so the page makes no call per item.
 * A read runs on another thread as the page's person: their token (made fresh on the page's own
 * thread first, see the controller, so the two reads never both try to refresh it), language and
 * read reason are handed over, and the read never touches the page's request, which is not safe to
 * read from two threads at once (see {@link Services#handedOver}).
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
    /** How long a read waits for a service; the page then shows the other half and says what is missing. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private final RestClient matching;
    private final RestClient ledger;
    private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "queue-read");
        t.setDaemon(true);
        return t;
    });

    QueueReads(PortalSettings settings) {
        this.matching = Services.handedOver(settings.matchingUrl(), WAIT);
        this.ledger = Services.handedOver(settings.ledgerUrl(), WAIT);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    CompletableFuture<MatchingQueue> matching(Services.Handover person, String tb, int limit, boolean newest) {
        return CompletableFuture.supplyAsync(() -> matching.get()
                .uri(Services.TB + "/coordinator/queue?limit={limit}&newest={newest}", tb, limit, newest)
                .headers(Services.as(person)).retrieve().body(MatchingQueue.class), pool);
    }

    CompletableFuture<LedgerQueue> ledger(Services.Handover person, String tb, int limit, boolean newest) {
        return CompletableFuture.supplyAsync(() -> ledger.get()
                .uri(Services.TB + "/coordinator/queue?limit={limit}&newest={newest}", tb, limit, newest)
                .headers(Services.as(person)).retrieve().body(LedgerQueue.class), pool);
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
