package org.reciprocity.kit.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.kit.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the events waiting in documents' {@code outbox} arrays, in order, and removes each
 * only after the broker acknowledged it. The application hands a document to {@link #flush} right
 * after saving it, which returns at once: the relay's own thread publishes it, so that no request
 * ever waits on the broker (a registration took 10 s while a broker failed over, issue 19). What
 * that misses is caught by the periodic {@link #sweep}: a publish that failed here (the
 * broker away) is retried on its own at every sweep, by id; and every {@code scanInterval}, from the
 * first sweep after start-up on, the whole of every outbox collection is scanned for what a crash
 * left behind, on this instance or another. An event may thus be published twice (crash between
 * the send and the removal), never lost; consumers dedupe. Within an instance an event is sent once:
 * one whose acknowledgement did not come in time is still in the producer, which goes on trying to
 * deliver it, so a retry or a scan finding it still in its outbox waits for that send instead of
 * sending it again (before, a flush that gave up after 10 s and the scan 2 s after the write both
 * sent it anew, and it was published twice). An event the broker refuses for good
 * (too large, say) is never retried: it is parked in {@code parked_events} ({@link ParkedEvents}),
 * logged as an ERROR with what to do, and shown by the health component {@code parkedEvents}.
 *
 * <p>Why not scan at every sweep: no index serves "has a non-empty outbox" on mongo-java-server (and
 * none is declared for MongoDB), so a scan reads every document of the collection, and the
 * collections only grow; scanning every 5 s cost the local platform about 1.2 ms of
 * mongo-java-server CPU per validated contribution after 10,000 of them, against a minute's worth
 * of delay for the events of an instance that crashed.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_BATCH = 500;
    /** How long the writer of an outbox has to publish it before the sweep does. */
    static final java.time.Duration SWEEP_GRACE = java.time.Duration.ofSeconds(2);
    /** How often, by default, every outbox collection is scanned for what a crash left behind. */
    public static final java.time.Duration SCAN_INTERVAL = java.time.Duration.ofMinutes(1);
    /** How long a batch waits for its acknowledgements before it counts as not published yet. */
    static final java.time.Duration ACK_WAIT = java.time.Duration.ofSeconds(10);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final Set<String> collections;
    private final java.time.Duration scanInterval;
    private final java.time.Clock clock;
    private final ParkedEvents parkedEvents;
    private final java.time.Duration ackWait;
    /** Publishes what {@link #flush} was handed, off the caller's thread. */
    private final java.util.concurrent.Executor publishing;
    /** Documents handed to {@link #flush} and not yet taken by a drain, in order. Guarded by itself. */
    private final java.util.LinkedHashSet<Pending> handed = new java.util.LinkedHashSet<>();
    private final java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();
    /**
     * Events handed to the producer and not yet removed from their outbox, by event id: a send is
     * not repeated while it may still be delivered (the producer retries for up to
     * {@code delivery.timeout.ms}, 2 min by default). An entry leaves when its event is removed from
     * the outbox, when its send failed, or, if nobody reads its document back, {@link #FORGET_AFTER}
     * after it was sent.
     */
    private final java.util.Map<String, InFlight> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Documents whose publish failed here, to retry at the next sweep, in the order their changes
     * happened (a set: a document failing twice is retried once, at its first place). Guarded by itself.
     */
    private final java.util.LinkedHashSet<Pending> unsent = new java.util.LinkedHashSet<>();
    /** When the next full scan is due; the first sweep scans. */
    private volatile java.time.Instant nextScan = java.time.Instant.MIN;

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, Set<String> collections) {
        this(mongo, publisher, collections, SCAN_INTERVAL, java.time.Clock.systemUTC());
    }

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, Set<String> collections,
                       java.time.Duration scanInterval, java.time.Clock clock) {
        this(mongo, publisher, collections, scanInterval, clock, new ParkedEvents(mongo));
    }

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, Set<String> collections,
                       java.time.Duration scanInterval, java.time.Clock clock, ParkedEvents parkedEvents) {
        this(mongo, publisher, collections, scanInterval, clock, parkedEvents, ACK_WAIT, relayThread());
    }

    /**
     * @param ackWait    how long a batch waits for its acknowledgements before it counts as not published yet
     * @param publishing runs the publishing of what {@link #flush} is handed (a test may run it on the caller's thread)
     */
    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, Set<String> collections,
                       java.time.Duration scanInterval, java.time.Clock clock, ParkedEvents parkedEvents,
                       java.time.Duration ackWait, java.util.concurrent.Executor publishing) {
        this.ackWait = ackWait;
        this.publishing = publishing;
        this.mongo = mongo;
        this.parkedEvents = parkedEvents;
        this.publisher = publisher;
        this.collections = collections;
        this.scanInterval = scanInterval;
        this.clock = clock;
    }

    /** How long an event sent and never read back again is remembered as in flight. */
    static final java.time.Duration FORGET_AFTER = java.time.Duration.ofMinutes(10);

    private static java.util.concurrent.Executor relayThread() {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Hands over a document whose outbox was just written, and returns at once: the relay's thread
     * publishes it, with whatever else was handed meanwhile, in one batch, in the order handed.
     * What does not go out is retried at the next sweep. The caller's answer thus depends on the
     * store alone; its events follow within moments, or once the broker is back.
     */
    public void flush(String collection, Object id) {
        synchronized (handed) {
            handed.add(Pending.readBack(collection, id));
        }
        if (draining.compareAndSet(false, true)) {
            try {
                publishing.execute(this::drainHanded);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                draining.set(false); // the scan after the next start publishes it
            }
        }
    }

    private void drainHanded() {
        while (true) {
            List<Pending> batch;
            synchronized (handed) {
                batch = new ArrayList<>(handed.stream().limit(SWEEP_BATCH).toList());
                batch.forEach(handed::remove);
            }
            if (!batch.isEmpty()) {
                try {
                    flushPending(batch);
                } catch (RuntimeException e) {
                    log.warn("publishing outboxes failed, trying again at the next sweep: {}", e.getMessage());
                    retryLater(batch);
                }
                continue;
            }
            draining.set(false);
            // a document handed between the last take and the reset must not wait for the next one
            synchronized (handed) {
                if (handed.isEmpty()) {
                    return;
                }
            }
            if (!draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /**
     * A document whose outbox to publish. {@code entries}: its pending entries when the caller
     * knows them all because it has just inserted the document with them, which spares reading it
     * back; null to read them from the document.
     */
    public record Pending(String collection, Object id, List<OutboxEntry> entries) {

        public static Pending readBack(String collection, Object id) {
            return new Pending(collection, id, null);
        }
    }

    /**
     * Publishes the pending events of several documents in one go: every event is sent in order
     * without waiting for the one before (the idempotent producer keeps their order per partition),
     * then each acknowledgement is awaited, then each document's entries that are done are removed.
     * One broker round trip for the batch instead of one per event. An event the broker refuses for
     * good ({@link Refusals}) is done too: it is parked in {@code parked_events}, where a person sees
     * it, so that it does not hold back everything written after it.
     *
     * @param documents in the order their changes happened
     * @return whether every event was published or parked, and removed from its outbox; if not, the
     *         documents are retried at the next sweep
     */
    public boolean flushPending(List<Pending> documents) {
        if (tryFlush(documents)) {
            return true;
        }
        retryLater(documents);
        return false;
    }

    /**
     * Like {@link #flushPending}, but a batch that does not go out is left to the caller to try
     * again (for a caller that must keep its batches in order), and to the next scan. What did go
     * out, and what was parked, is removed from its outbox either way, so that a retry reading the
     * outboxes back sends only the rest.
     *
     * @return true when nothing is left to retry: every event was acknowledged or parked
     */
    public boolean tryFlush(List<Pending> documents) {
        List<Sent> sent = new ArrayList<>();
        boolean complete = true;
        sending:
        for (Pending document : documents) {
            List<OutboxEntry> entries;
            try {
                entries = document.entries() != null ? document.entries() : read(document);
            } catch (RuntimeException e) {
                log.warn("could not read the outbox of {} {}, trying again later: {}", document.collection(),
                        document.id(), e.getMessage());
                complete = false;
                break; // what comes after it must not overtake it
            }
            for (OutboxEntry entry : entries != null ? entries : List.<OutboxEntry>of()) {
                Sent each = send(document, entry);
                sent.add(each);
                if (metadataTimedOut(each.ack())) {
                    // the producer knows no leader for the topic: every send after this one would
                    // block max.block.ms in turn; the rest of the batch waits for the next try
                    complete = false;
                    break sending;
                }
            }
        }
        // Each acknowledgement on its own: one refused event must not count against the others.
        // The wait is shared, as allOf's was: a broker that is away costs the batch 10 s, not 10 s an event.
        long deadline = System.nanoTime() + ackWait.toNanos();
        // of each collection, the documents with entries that are done, and those entries' event ids
        java.util.Map<String, java.util.Map<Object, List<String>>> done = new java.util.LinkedHashMap<>();
        String notYet = null;
        for (Sent each : sent) {
            Throwable failure = awaitAck(each.ack(), deadline);
            if (failure == null || (Refusals.forGood(failure) && parked(each, failure))) {
                done.computeIfAbsent(each.document().collection(), c -> new java.util.LinkedHashMap<>())
                        .computeIfAbsent(each.document().id(), d -> new ArrayList<>()).add(each.entry().eventId());
                delivered(each.entry().eventId());
            } else {
                if (!(failure instanceof java.util.concurrent.TimeoutException)) {
                    forget(each); // the send is over and failed: the next try sends it anew
                }
                complete = false;
                notYet = notYet != null ? notYet : Refusals.inWords(failure);
            }
        }
        if (notYet != null) {
            log.warn("a batch of outboxes was not published yet: {}", notYet);
        }
        // One update per collection and PULL_CHUNK documents instead of one per document (an `_id $in`
        // filter is still an index lookup on mongo-java-server). Event ids are unique, so pulling all of
        // the chunk's done ids from each of its documents removes from each exactly its entries that are
        // done. In chunks, not the whole batch at once: after an outage a batch holds thousands, and
        // one update over all of them held the collection from the writes of requests for seconds.
        try {
            done.forEach((collection, byDocument) -> {
                List<Object> documentIds = new ArrayList<>(byDocument.keySet());
                for (int from = 0; from < documentIds.size(); from += PULL_CHUNK) {
                    List<Object> chunk = documentIds.subList(from, Math.min(documentIds.size(), from + PULL_CHUNK));
                    List<String> events = chunk.stream().flatMap(id -> byDocument.get(id).stream()).toList();
                    mongo.updateMulti(Query.query(Criteria.where("_id").in(chunk)),
                            new Update().pull("outbox", Query.query(Criteria.where("eventId").in(events))), collection);
                    events.forEach(inFlight::remove);
                }
            });
        } catch (RuntimeException e) {
            // published but still in the outbox: the next try finds them delivered lately and only
            // removes them (past the last DELIVERED_REMEMBERED, it sends them again; consumers dedupe)
            log.warn("published outbox entries not removed yet: {}", e.getMessage());
            return false;
        }
        return complete;
    }

    /** How many documents one removal of published entries covers. */
    private static final int PULL_CHUNK = 100;
    /** How many acknowledged event ids are remembered, so that one found again in its outbox is not sent again. */
    private static final int DELIVERED_REMEMBERED = 20_000;
    /**
     * The ids of the events acknowledged lately, oldest first: a writer that read an outbox before
     * its entries were removed (the ledger's catch-up, a scan racing a drain) finds them here and
     * only removes them. Guarded by itself.
     */
    private final java.util.LinkedHashMap<String, Boolean> delivered = new java.util.LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
            return size() > DELIVERED_REMEMBERED;
        }
    };

    private void delivered(String eventId) {
        synchronized (delivered) {
            delivered.put(eventId, Boolean.TRUE);
        }
    }

    private boolean deliveredLately(String eventId) {
        synchronized (delivered) {
            return delivered.containsKey(eventId);
        }
    }

    /** An event handed to the producer, and its acknowledgement to come. */
    private record Sent(Pending document, OutboxEntry entry, DomainEvent event,
                        java.util.concurrent.CompletableFuture<?> ack) {
    }

    /** A send not yet known to be over, and when it was made. */
    private record InFlight(java.util.concurrent.CompletableFuture<?> ack, long sentAt) {
    }

    /**
     * Sends one entry, unless it is still in flight from an earlier try, whose acknowledgement is
     * then its answer; a failure to even send (an unreadable entry, a value that cannot be
     * written, no metadata within {@code max.block.ms}) is its answer.
     */
    private Sent send(Pending document, OutboxEntry entry) {
        DomainEvent event = null;
        try {
            event = eventOf(entry);
            if (deliveredLately(entry.eventId())) {
                return new Sent(document, entry, event, java.util.concurrent.CompletableFuture.completedFuture(null));
            }
            DomainEvent toSend = event;
            InFlight sending = inFlight.compute(entry.eventId(), (id, earlier) ->
                    earlier != null && !earlier.ack().isCompletedExceptionally() ? earlier
                            : new InFlight(publisher.publish(toSend), System.nanoTime()));
            return new Sent(document, entry, event, sending.ack());
        } catch (RuntimeException e) {
            return new Sent(document, entry, event, java.util.concurrent.CompletableFuture.failedFuture(e));
        }
    }

    private static boolean metadataTimedOut(java.util.concurrent.CompletableFuture<?> ack) {
        if (!ack.isCompletedExceptionally()) {
            return false;
        }
        Throwable failure = awaitAck(ack, System.nanoTime());
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void forget(Sent sent) {
        InFlight sending = inFlight.get(sent.entry().eventId());
        if (sending != null && sending.ack() == sent.ack()) {
            inFlight.remove(sent.entry().eventId(), sending);
        }
    }

    /** How many events are in flight: sent, and not yet known delivered and removed from their outbox. */
    public int inFlight() {
        return inFlight.size();
    }

    private static DomainEvent eventOf(OutboxEntry entry) {
        try {
            return entry.toEvent();
        } catch (RuntimeException e) {
            throw new Refusals.UnreadableEntry("the outbox entry cannot be read as a " + entry.type() + " event", e);
        }
    }

    /** Null once acknowledged; else why not (a timeout once the batch's wait is over). */
    private static Throwable awaitAck(java.util.concurrent.CompletableFuture<?> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause() != null ? e.getCause() : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            return e;
        }
    }

    /**
     * Keeps an event the broker refused for good in {@code parked_events}; true once it is there (so
     * its outbox entry may go). A person is told once per event, with what to do.
     */
    private boolean parked(Sent refused, Throwable refusal) {
        ParkedEvent parked = ParkedEvent.of(refused.document().collection(), refused.document().id(), refused.entry(),
                refused.event(), refusal, clock.instant());
        try {
            if (parkedEvents.park(parked)) {
                log.error("The event {} ({} of timebank {}, from {} {}) can never be published and was PARKED "
                                + "(refused: {}). Consumers will not see it until a person acts. To do: fix its cause (for a text too "
                                + "long, correct the data through the API; for a size limit, raise it), then publish it "
                                + "again from {} (_id {}) or record the change anew; see docs/architecture.md, "
                                + "\"Events that cannot be published\".",
                        parked.eventId(), parked.type(), parked.timebankId(), parked.collection(), parked.documentId(),
                        parked.error(), ParkedEvents.COLLECTION, parked.eventId());
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("could not park the refused event {}, trying again later: {}", parked.eventId(), e.getMessage());
            return false;
        }
    }

    /**
     * Remembers documents to read back and publish again at the next sweep, after those already
     * waiting: for a writer whose own publishing failed, or whose command failed after it wrote
     * an outbox.
     */
    public void retryLater(List<Pending> documents) {
        synchronized (unsent) {
            documents.forEach(d -> unsent.add(Pending.readBack(d.collection(), d.id())));
        }
    }

    /** The first documents waiting for a retry, at most {@code max}, taken off the list. */
    private List<Pending> takeRetries(int max) {
        synchronized (unsent) {
            List<Pending> taken = new ArrayList<>();
            for (java.util.Iterator<Pending> it = unsent.iterator(); it.hasNext() && taken.size() < max; ) {
                taken.add(it.next());
                it.remove();
            }
            return taken;
        }
    }

    /** The entries in a document's outbox, or null if there is no such document. */
    private List<OutboxEntry> read(Pending document) {
        Query byId = Query.query(Criteria.where("_id").is(document.id()));
        byId.fields().include("outbox");
        Document found = mongo.findOne(byId, Document.class, document.collection());
        if (found == null) {
            return null;
        }
        return entriesOf(found);
    }

    private static List<OutboxEntry> entriesOf(Document document) {
        return document.getList("outbox", Document.class, List.of()).stream()
                .map(entry -> new OutboxEntry(entry.getString("eventId"), entry.getString("type"),
                        entry.getString("payload"), null))
                .toList();
    }

    /** Retries what failed here; then, when a scan is due, scans every outbox collection. */
    @Scheduled(fixedDelayString = "${reciprocity.outbox.sweep-interval:5s}",
            initialDelayString = "${reciprocity.outbox.sweep-interval:5s}")
    public void sweep() {
        long forgetBefore = System.nanoTime() - FORGET_AFTER.toNanos();
        // sends nobody read back again (their document emptied elsewhere, or gone): at worst sent once more later
        inFlight.values().removeIf(sending -> sending.ack().isDone() && sending.sentAt() - forgetBefore < 0);
        List<Pending> retries = takeRetries(SWEEP_BATCH);
        if (!retries.isEmpty()) {
            flushPending(retries); // read back: what is still in those outboxes, if anything
        }
        java.time.Instant now = clock.instant();
        if (!now.isBefore(nextScan)) {
            boolean unfinished = scan(now);
            nextScan = unfinished ? now : now.plus(scanInterval);
        }
    }

    /**
     * Publishes what every outbox collection holds past the grace, a batch per collection; true if
     * a collection could not be read, or held more than a batch that went out (go on at the next
     * sweep). A batch that could not be published waits in the retries instead.
     */
    private boolean scan(java.time.Instant now) {
        // outboxes written in the last moments are still being published by their writer: leave them
        java.util.Date settled = java.util.Date.from(now.minus(SWEEP_GRACE));
        boolean unfinished = false;
        for (String collection : collections) {
            Query pending = Query.query(new Criteria().orOperator(Criteria.where("outbox.0.occurredAt").lt(settled),
                    Criteria.where("outbox.0").exists(true).and("outbox.0.occurredAt").exists(false))).limit(SWEEP_BATCH);
            pending.fields().include("outbox");
            List<Document> found;
            try {
                found = mongo.find(pending, Document.class, collection);
            } catch (RuntimeException e) {
                log.warn("could not scan {} for unpublished outboxes, trying again at the next sweep: {}", collection,
                        e.getMessage());
                unfinished = true;
                continue;
            }
            // the scan has just read the outboxes: publish them as read, in one batch per collection
            boolean published = flushPending(found.stream()
                    .map(document -> new Pending(collection, document.get("_id"), entriesOf(document))).toList());
            unfinished |= published && found.size() == SWEEP_BATCH;
        }
        return unfinished;
    }
}
