package org.reciprocity.review.erasure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberErased;
import org.reciprocity.kit.access.ReadLog;
import org.reciprocity.kit.erasure.ErasureConfirmations;
import org.reciprocity.kit.erasure.KitErasure;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.review.export.ExportRunner;
import org.reciprocity.review.figures.ReviewFigures;
import org.reciprocity.review.store.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The review's erasure of a member, on {@code MemberErased} (members topic) or on the erased
 * {@code MemberDetailsRecorded} (details topic), whichever the review reads first: the figures kept
 * anonymous and the member's documents forgotten ({@link ReviewErasure}), the timebank's downloads
 * deleted (any may name them), the member's "who looked" list here ({@code sensitive_reads}), the kit's parked payloads and kept answers naming them forgotten, and
 * then, last, the confirmation ({@code ErasureConfirmed}, once). Every step is repeatable, so a crash
 * between two repeats them all when the event comes again; each event id is then applied once
 * ({@code processed_events}), so a rebuild reading the topics again does not redo the work (its folds
 * forget the member as they go).
 */
@Component
public class ErasureConsumer {

    static final String CONSUMER = "review.erasure";
    public static final String SERVICE = "review-service";

    private final Projections projections;
    private final ReviewErasure erasure;
    private final ExportRunner downloads;
    private final KitErasure kit;
    private final ErasureConfirmations confirmations;
    private final ProcessedEvents processed;
    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    ErasureConsumer(Projections projections, ReviewFigures figures, ExportRunner downloads, MongoTemplate mongo,
                    Clock clock, ProcessedEvents processed, OutboxRelay relay) {
        this.relay = relay;
        this.mongo = mongo;
        this.projections = projections;
        this.erasure = new ReviewErasure(projections.facts(), figures);
        this.downloads = downloads;
        this.kit = new KitErasure(mongo);
        this.confirmations = new ErasureConfirmations(mongo, SERVICE, clock);
        this.processed = processed;
    }

    /** Whether the event starts an erasure. */
    public static boolean erases(DomainEvent event) {
        return event instanceof MemberErased || (event instanceof MemberDetailsRecorded d && d.erased());
    }

    /** Erases the member the event names (once per event id; the steps themselves are repeatable). */
    public void on(DomainEvent event) {
        String memberId = event instanceof MemberErased e ? e.memberId() : ((MemberDetailsRecorded) event).memberId();
        processed.applyOnce(CONSUMER, event, () -> erase(event.timebankId(), memberId));
    }

    void erase(String timebankId, String memberId) {
        erasure.erase(timebankId, memberId);
        List<String> collections = new ArrayList<>(projections.collectionNames());
        collections.add(downloads.forgetDownloads(timebankId));
        // who looked at their data here: the kit's read log, one document a month, _id <timebank>/<member>/<month>
        mongo.remove(Query.query(Criteria.where("_id").regex("^" + Pattern.quote(timebankId + "/" + memberId + "/"))),
                ReadLog.COLLECTION);
        collections.add(ReadLog.COLLECTION);
        collections.addAll(kit.forget(memberId));
        if (confirmations.confirm(timebankId, memberId, collections)) {
            // published now rather than at the relay's next scan (the kit's document id: <timebank>/<member>)
            relay.flush(ErasureConfirmations.COLLECTION, timebankId + "/" + memberId);
        }
    }
}
