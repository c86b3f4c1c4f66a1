package org.reciprocity.ledger.checkpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.reciprocity.contracts.ledger.ChainCheckpointed;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.ledger.account.LedgerQueries;
import org.reciprocity.ledger.book.Bookkeeping;
import org.reciprocity.ledger.book.Canonical;
import org.reciprocity.ledger.book.ChainHead;
import org.reciprocity.ledger.book.ChainVerification;
import org.reciprocity.ledger.book.LedgerEntry;
import org.reciprocity.ledger.book.LedgerRefusal;
import org.springframework.core.log.LogAccessor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Signed checkpoints of each timebank's hash chain. A checkpoint is taken under the timebank's
 * write lease (so one instance takes it, of a head no command is moving), only if the chain still
 * extends the timebank's last checkpoint, then kept in {@value #COLLECTION} with its
 * {@code ChainCheckpointed} in the document's outbox and published like every ledger event.
 * What makes it worth having is the copy outside: the event on the broker, kept by whoever
 * consumes it.
 */
@Service
public class Checkpoints {

    private static final LogAccessor LOG = new LogAccessor(Checkpoints.class);
    static final String COLLECTION = "ledger_checkpoints";
    /** The first field of the signed content: what it is and its version. */
    static final String SIGNED_KIND = "reciprocity.chain-checkpoint.v1";

    private final MongoTemplate mongo;
    private final Bookkeeping bookkeeping;
    private final CheckpointKey key;
    private final OutboxRelay relay;
    private final LedgerQueries queries;
    private final CheckpointTopic topic;
    private final Clock clock;

    Checkpoints(MongoTemplate mongo, Bookkeeping bookkeeping, CheckpointKey key, OutboxRelay relay,
                LedgerQueries queries, CheckpointTopic topic, Clock clock) {
        this.mongo = mongo;
        this.topic = topic;
        this.queries = queries;
        this.bookkeeping = bookkeeping;
        this.key = key;
        this.relay = relay;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("timebankId", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.DESC));
    }

    /** What a checkpoint's signature covers, in {@link Canonical}'s unambiguous encoding. */
    static byte[] signedContent(String timebankId, long sequence, String headHash, Instant checkpointedAt) {
        return Canonical.of(SIGNED_KIND).text(timebankId).number(sequence).text(headHash)
                .number(checkpointedAt.toEpochMilli()).bytes();
    }

    /** Takes a checkpoint of the timebank's head now, waiting for its write lease like any command. */
    ChainCheckpointed takeNow(String timebankId) {
        Taken taken = bookkeeping.run(timebankId, ledger -> take(timebankId, bookkeeping.store().head(timebankId)));
        publish(taken);
        return taken.event();
    }

    /**
     * Takes a checkpoint if the head moved since the last one and that is at least {@code every}
     * old; does nothing if another instance is writing the timebank now (its own schedule will).
     */
    Optional<ChainCheckpointed> takeIfDue(String timebankId, Duration every) {
        Optional<Taken> taken = bookkeeping.runIfFree(timebankId, ledger -> {
            ChainHead head = bookkeeping.store().head(timebankId);
            Optional<CheckpointDocument> last = last(timebankId);
            boolean moved = head.sequence() > last.map(CheckpointDocument::sequence).orElse(0L);
            boolean old = last.map(c -> !c.checkpointedAt().plus(every).isAfter(clock.instant())).orElse(true);
            return moved && old ? take(timebankId, head) : null;
        });
        taken.ifPresent(this::publish);
        return taken.map(Taken::event);
    }

    /**
     * Walks the chain and holds it against the timebank's checkpoints as the broker holds them,
     * those signed by this ledger's key; others (a record someone else wrote there) are left out
     * and logged. If the broker does not answer in time, the plain walk: {@code checkpointsChecked} 0.
     */
    public ChainVerification verifyWithPublished(String timebankId) {
        List<ChainVerification.Anchor> anchors = new ArrayList<>();
        try {
            for (ChainCheckpointed c : topic.of(timebankId)) {
                if (key.id().equals(c.keyId()) && key.verifies(
                        signedContent(c.timebankId(), c.sequence(), c.headHash(), c.checkpointedAt()), c.signature())) {
                    anchors.add(new ChainVerification.Anchor(c.sequence(), c.headHash(), c.checkpointedAt()));
                } else {
                    LOG.warn(() -> "timebank " + timebankId + ": the checkpoints topic holds a checkpoint (event "
                            + c.eventId() + ") not signed by this ledger's key; it is left out of verification");
                }
            }
        } catch (RuntimeException unavailable) {
            LOG.warn(() -> "timebank " + timebankId + ": the published checkpoints could not be read ("
                    + unavailable.getMessage() + "); the chain is verified against itself only");
        }
        return queries.verify(timebankId, anchors);
    }

    /** The timebank's latest checkpoint as this database holds it. */
    Optional<CheckpointDocument> last(String timebankId) {
        Query query = Query.query(Criteria.where("timebankId").is(timebankId))
                .with(Sort.by(Sort.Order.desc("sequence"), Sort.Order.desc("checkpointedAt"))).limit(1);
        return Optional.ofNullable(mongo.findOne(query, CheckpointDocument.class, COLLECTION));
    }

    /**
     * Checks each checkpoint's signature against the ledger's key, then walks the timebank's chain
     * and holds it against them. A checkpoint not signed by this ledger is refused, naming it.
     */
    ChainVerification verify(String timebankId, List<CheckpointRecord> kept) {
        List<ChainVerification.Anchor> anchors = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            CheckpointRecord c = kept.get(i);
            int index = i + 1;
            if (!timebankId.equals(c.timebankId())) {
                throw ApiException.of(LedgerRefusal.CHECKPOINT_OF_ANOTHER_TIMEBANK, "index", index, "timebank", c.timebankId());
            }
            if (!key.id().equals(c.keyId())) {
                throw ApiException.of(LedgerRefusal.CHECKPOINT_KEY_UNKNOWN, "index", index, "keyId", c.keyId());
            }
            if (!key.verifies(signedContent(c.timebankId(), c.sequence(), c.headHash(), c.checkpointedAt()), c.signature())) {
                throw ApiException.of(LedgerRefusal.CHECKPOINT_SIGNATURE_INVALID, "index", index, "sequence", c.sequence());
            }
            anchors.add(new ChainVerification.Anchor(c.sequence(), c.headHash(), c.checkpointedAt()));
        }
        return queries.verify(timebankId, anchors);
    }

    /**
     * Signs the head, if the chain from the last checkpoint to it holds. Runs under the lease: the
     * head cannot move meanwhile.
     */
    private Taken take(String timebankId, ChainHead head) {
        if (head.sequence() == 0) {
            throw ApiException.of(LedgerRefusal.NOTHING_TO_CHECKPOINT);
        }
        requireExtendsLast(timebankId, head);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String signature = key.sign(signedContent(timebankId, head.sequence(), head.hash(), at));
        ChainCheckpointed event = new ChainCheckpointed(UUID.randomUUID(), at, timebankId, head.sequence(), head.hash(),
                at, key.id(), signature);
        List<OutboxEntry> outbox = List.of(OutboxEntry.of(event));
        CheckpointDocument doc = new CheckpointDocument(event.eventId().toString(), timebankId, head.sequence(),
                head.hash(), at, key.id(), signature, new ArrayList<>(outbox));
        mongo.insert(doc, COLLECTION);
        return new Taken(event, new OutboxRelay.Pending(COLLECTION, doc.id(), outbox));
    }

    /**
     * Refuses to sign a head that does not descend from the last checkpoint: the entries since are
     * walked from the hash that checkpoint signed (all of them, for a first checkpoint). Signing a
     * rewritten chain would bless the rewrite.
     */
    private void requireExtendsLast(String timebankId, ChainHead head) {
        Optional<CheckpointDocument> last = last(timebankId);
        long from = last.map(CheckpointDocument::sequence).orElse(0L);
        String previous = last.map(CheckpointDocument::headHash).orElse(LedgerEntry.GENESIS);
        if (from > 0) {
            Optional<LedgerEntry> signed = bookkeeping.store().entry(timebankId, from);
            if (signed.isEmpty() || !signed.get().hash().equals(previous)) {
                throw changed(from, "its entry " + from + " no longer has the hash that checkpoint signed.");
            }
        }
        for (long sequence = from + 1; sequence <= head.sequence(); sequence++) {
            Optional<LedgerEntry> entry = bookkeeping.store().entry(timebankId, sequence);
            if (entry.isEmpty()) {
                throw changed(from, "entry " + sequence + " is missing.");
            }
            String problem = ChainVerification.problemOf(previous, entry.get());
            if (problem != null) {
                throw changed(from, "entry " + sequence + ": " + problem + ".");
            }
            previous = entry.get().hash();
        }
        if (!previous.equals(head.hash())) {
            throw changed(from, "the chain head does not match its last entry.");
        }
    }

    private static ApiException changed(long sequence, String problem) {
        return ApiException.of(LedgerRefusal.CHAIN_CHANGED_SINCE_CHECKPOINT, "sequence", sequence, "problem", problem);
    }

    private void publish(Taken taken) {
        relay.flushPending(List.of(taken.outbox()));
    }

    private record Taken(ChainCheckpointed event, OutboxRelay.Pending outbox) {
    }

    /** A checkpoint as this database keeps it, with its event until published. */
    record CheckpointDocument(@org.springframework.data.annotation.Id String id, String timebankId, long sequence,
                              String headHash, Instant checkpointedAt, String keyId, String signature,
                              List<OutboxEntry> outbox) {
    }
}
