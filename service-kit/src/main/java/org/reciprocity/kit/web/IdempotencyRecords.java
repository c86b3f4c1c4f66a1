package org.reciprocity.kit.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The {@code Idempotency-Key}s of a service, in MongoDB (collection {@value #COLLECTION}), shared by
 * all its instances. A key's record is written <em>before</em> its request runs: inserting it
 * (unique {@code _id} = caller and key) is what makes one request the key's owner, on whichever
 * instance. While the request runs the record is PENDING and its owner renews a heartbeat every
 * {@link #HEARTBEAT}; then it holds the answer. A PENDING record whose heartbeat is older than
 * {@link #STALE} belongs to an instance that died, and the next request with the key takes it over.
 * Every record expires {@link #KEPT_FOR} after it was claimed: it is ignored and deleted when read
 * after that, and swept away every {@link #SWEEP_EVERY} (mongo-java-server ignores TTL indexes; the
 * TTL index on {@code expiresAt} does the same on a real MongoDB).
 */
public class IdempotencyRecords implements DisposableBean {

    static final String COLLECTION = "idempotency_keys";
    /** How long a key keeps its answer: a client retries within this, or sends a new key. */
    public static final Duration KEPT_FOR = Duration.ofHours(24);
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration STALE = Duration.ofSeconds(30);
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRecords.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    /** This instance's claims on requests still running: scope → owner. */
    private final Map<String, String> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "idempotency-keys");
        thread.setDaemon(true);
        return thread;
    });

    public IdempotencyRecords(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        // mongo-java-server looks a document up directly only by the exact fields of a unique index
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC).on("owner", Sort.Direction.ASC).unique());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC).on("owner", Sort.Direction.ASC)
                .on("heartbeatAt", Sort.Direction.ASC).unique());
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
        } catch (RuntimeException ignored) {
            // a server without TTL indexes: the sweep below does the same
        }
        timer.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::sweepSafely, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** This instance's hold on a key while its request runs. */
    record Claim(String scope, String owner) {
    }

    /** What a key's record says now. */
    record Seen(String scope, String fingerprint, String owner, boolean answered, Instant heartbeatAt,
                Instant expiresAt, Answer answer) {
    }

    /** A kept answer, as the first request got it. */
    record Answer(int status, String contentType, String location, byte[] body) {
    }

    /** Claims the key for a request with this fingerprint: empty when it already has a record. */
    Optional<Claim> claim(String scope, String fingerprint) {
        Instant now = clock.instant();
        String owner = UUID.randomUUID().toString();
        try {
            mongo.insert(new Document("_id", scope).append("fingerprint", fingerprint).append("state", "PENDING")
                    .append("owner", owner).append("heartbeatAt", Date.from(now))
                    .append("expiresAt", Date.from(now.plus(KEPT_FOR))), COLLECTION);
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
        return Optional.of(running(new Claim(scope, owner)));
    }

    /** The key's record, or empty if it has none (or only an expired one, which is deleted now). */
    Optional<Seen> find(String scope) {
        Document d = mongo.findById(scope, Document.class, COLLECTION);
        if (d == null) {
            return Optional.empty();
        }
        Seen seen = seen(d);
        if (!seen.expiresAt().isAfter(clock.instant())) {
            remove(scope, seen.owner());
            return Optional.empty();
        }
        return Optional.of(seen);
    }

    /** Whether the owner of a pending record has stopped renewing it (it died, or stalls for too long). */
    boolean abandoned(Seen seen) {
        return !seen.answered() && seen.heartbeatAt().plus(STALE).isBefore(clock.instant());
    }

    /**
     * Takes over a pending record whose owner stopped: only if it is still exactly as seen, so of
     * several instances seeing it at once only one becomes its owner.
     */
    Optional<Claim> takeOver(Seen seen) {
        String owner = UUID.randomUUID().toString();
        long changed = mongo.updateFirst(Query.query(Criteria.where("_id").is(seen.scope()).and("owner").is(seen.owner())
                        .and("heartbeatAt").is(Date.from(seen.heartbeatAt()))),
                new Update().set("owner", owner).set("heartbeatAt", Date.from(clock.instant())), COLLECTION)
                .getModifiedCount();
        if (changed == 0) {
            return Optional.empty();
        }
        log.warn("Took over Idempotency-Key record {}: its request stopped without an answer", seen.scope());
        return Optional.of(running(new Claim(seen.scope(), owner)));
    }

    /** Keeps the answer to the claimed request, for its retries. */
    void keep(Claim claim, Answer answer) {
        running.remove(claim.scope());
        long changed = mongo.updateFirst(ownedBy(claim), new Update().set("state", "ANSWERED")
                        .set("status", answer.status()).set("contentType", answer.contentType())
                        .set("location", answer.location()).set("body", new Binary(answer.body())), COLLECTION)
                .getModifiedCount();
        if (changed == 0) {
            log.warn("Idempotency-Key record {} was taken over while its request ran; its answer is not kept", claim.scope());
        }
    }

    /** Gives the key up without an answer (the request failed on our side): a retry runs afresh. */
    void release(Claim claim) {
        running.remove(claim.scope());
        remove(claim.scope(), claim.owner());
    }

    /** Deletes every expired record; returns how many. */
    public long sweep() {
        return mongo.remove(Query.query(Criteria.where("expiresAt").lte(Date.from(clock.instant()))), COLLECTION)
                .getDeletedCount();
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Could not sweep expired Idempotency-Key records; next time", e);
        }
    }

    private void beat() {
        Date now = Date.from(clock.instant());
        running.forEach((scope, owner) -> {
            try {
                mongo.updateFirst(ownedBy(new Claim(scope, owner)), new Update().set("heartbeatAt", now), COLLECTION);
            } catch (RuntimeException e) {
                log.warn("Could not renew Idempotency-Key record {}", scope, e);
            }
        });
    }

    private Claim running(Claim claim) {
        running.put(claim.scope(), claim.owner());
        return claim;
    }

    private void remove(String scope, String owner) {
        mongo.remove(ownedBy(new Claim(scope, owner)), COLLECTION);
    }

    private static Query ownedBy(Claim claim) {
        return Query.query(Criteria.where("_id").is(claim.scope()).and("owner").is(claim.owner()));
    }

    private static Seen seen(Document d) {
        boolean answered = "ANSWERED".equals(d.getString("state"));
        Answer answer = answered ? new Answer(d.getInteger("status"), d.getString("contentType"), d.getString("location"),
                d.get("body", Binary.class).getData()) : null;
        Date heartbeat = d.getDate("heartbeatAt");
        Date expires = d.getDate("expiresAt");
        return new Seen(d.getString("_id"), d.getString("fingerprint"), d.getString("owner"), answered,
                heartbeat == null ? Instant.EPOCH : heartbeat.toInstant(),
                expires == null ? Instant.EPOCH : expires.toInstant(), answer);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
