package org.reciprocity.review.export;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Downloads being made and made, one document each in {@code export_jobs} keyed
 * {@code <timebank>|<id>}, and at most one being made per timebank, held by a document in
 * {@code export_active} keyed by the timebank. Every change is one conditional single-document
 * write: the lock is taken by an insert (a second fails on the key) or by replacing a lock whose
 * job stopped; only the instance that made a job (its {@code owner}) moves it from queued to
 * running and writes its progress, and only while it is still running. A job whose maker has said
 * nothing for longer than {@code staleAfter} (a crash, a killed process) is written FAILED by the
 * first reader that sees it, conditionally on the heartbeat it read: it is reported failed, never
 * left "running" for ever, and a maker that comes back finds its writes refused and stops.
 */
class ExportJobs {

    private static final String ACTIVE_JOB = "job";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration staleAfter;

    ExportJobs(MongoTemplate mongo, Clock clock, Duration staleAfter) {
        this.mongo = mongo;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** What {@link #startOrCurrent} answered: the job, and whether it was made by this request. */
    record Started(ExportJob job, boolean created) {
    }

    /**
     * A new job for the timebank, queued on this instance ({@code owner}); or, when one is already
     * being made, that one (two admins asking at once share one download).
     */
    Started startOrCurrent(String timebankId, String requestedBy, String owner) {
        while (true) {
            Document lock = active().find(eq("_id", timebankId)).first();
            if (lock != null) {
                Optional<ExportJob> current = find(timebankId, lock.getString(ACTIVE_JOB));
                if (current.isPresent() && current.get().state().active()) {
                    return new Started(current.get(), false);
                }
            }
            ExportJob job = new ExportJob(UUID.randomUUID().toString(), timebankId, requestedBy, ExportJob.State.QUEUED,
                    now(), null, now(), null, owner, ExportFile.nothingYet(), null, null);
            jobs().insertOne(write(job));
            boolean locked;
            if (lock == null) {
                try {
                    active().insertOne(new Document("_id", timebankId).append(ACTIVE_JOB, job.id()));
                    locked = true;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    locked = false;
                }
            } else {
                locked = active().replaceOne(and(eq("_id", timebankId), eq(ACTIVE_JOB, lock.getString(ACTIVE_JOB))),
                        new Document("_id", timebankId).append(ACTIVE_JOB, job.id())).getMatchedCount() == 1;
            }
            if (locked) {
                return new Started(job, true);
            }
            jobs().deleteOne(eq("_id", key(timebankId, job.id()))); // another request took the lock first: use theirs
        }
    }

    /** The job, reported FAILED when its maker has stopped saying it is at work. */
    Optional<ExportJob> find(String timebankId, String id) {
        Document stored = jobs().find(eq("_id", key(timebankId, id))).first();
        if (stored == null) {
            return Optional.empty();
        }
        ExportJob job = read(stored);
        if (job.state().active() && job.heartbeatAt().isBefore(now().minus(staleAfter))) {
            jobs().updateOne(and(eq("_id", key(timebankId, id)), eq("state", job.state().name()),
                            eq("heartbeatAt", Date.from(job.heartbeatAt()))),
                    Updates.combine(Updates.set("state", ExportJob.State.FAILED.name()),
                            Updates.set("failure", "stopped"), Updates.set("finishedAt", Date.from(now()))));
            release(job);
            return Optional.ofNullable(jobs().find(eq("_id", key(timebankId, id))).first()).map(ExportJobs::read);
        }
        return Optional.of(job);
    }

    /** The timebank's downloads, newest first, at most {@code limit}. */
    List<ExportJob> recent(String timebankId, int limit) {
        List<ExportJob> all = new ArrayList<>();
        for (Document d : jobs().find(and(gte("_id", timebankId + "|"), lt("_id", timebankId + "|\uffff")))) {
            all.add(read(d));
        }
        return all.stream().sorted(Comparator.comparing(ExportJob::requestedAt).reversed()).limit(limit)
                .map(j -> find(j.timebankId(), j.id()).orElse(j)).toList();
    }

    /** Queued → running, by its owner only: a job is made once. */
    boolean claim(ExportJob job, String owner) {
        return jobs().updateOne(and(eq("_id", key(job)), eq("state", ExportJob.State.QUEUED.name()), eq("owner", owner)),
                Updates.combine(Updates.set("state", ExportJob.State.RUNNING.name()),
                        Updates.set("startedAt", Date.from(now())), Updates.set("heartbeatAt", Date.from(now()))))
                .getMatchedCount() == 1;
    }

    /** Whether the progress was written: false when the job is no longer this maker's to write (reported failed). */
    boolean progress(ExportJob job, String owner, List<ExportJob.FileProgress> files) {
        return jobs().updateOne(running(job, owner), Updates.combine(Updates.set("files", files(files)),
                Updates.set("heartbeatAt", Date.from(now())))).getMatchedCount() == 1;
    }

    /** Still at work (its maker's timer says so while a long read holds the job). */
    void heartbeat(String timebankId, String id, String owner) {
        jobs().updateOne(and(eq("_id", key(timebankId, id)), eq("owner", owner),
                        in("state", ExportJob.State.QUEUED.name(), ExportJob.State.RUNNING.name())),
                Updates.set("heartbeatAt", Date.from(now())));
    }

    boolean ready(ExportJob job, String owner, List<ExportJob.FileProgress> files, long bytes) {
        boolean done = jobs().updateOne(running(job, owner), Updates.combine(
                Updates.set("state", ExportJob.State.READY.name()), Updates.set("files", files(files)),
                Updates.set("bytes", bytes), Updates.set("finishedAt", Date.from(now())),
                Updates.set("heartbeatAt", Date.from(now())))).getMatchedCount() == 1;
        release(job);
        return done;
    }

    void failed(ExportJob job, String owner, String failure) {
        jobs().updateOne(and(eq("_id", key(job)), eq("owner", owner),
                        in("state", ExportJob.State.QUEUED.name(), ExportJob.State.RUNNING.name())),
                Updates.combine(Updates.set("state", ExportJob.State.FAILED.name()), Updates.set("failure", failure),
                        Updates.set("finishedAt", Date.from(now()))));
        release(job);
    }

    /**
     * Removes the record of every download finished before {@code cutoff} (each delete conditional on
     * what was read, so two instances sweeping remove each once) and reports a job stopped long ago
     * as failed. Returns the removed jobs, whose files the caller deletes.
     */
    List<ExportJob> sweep(Instant cutoff) {
        List<ExportJob> removed = new ArrayList<>();
        for (Document d : jobs().find()) {
            ExportJob job = read(d);
            if (job.state().active()) {
                find(job.timebankId(), job.id());
            } else if (job.finishedAt() != null && job.finishedAt().isBefore(cutoff)
                    && jobs().deleteOne(and(eq("_id", key(job)), eq("state", job.state().name())))
                    .getDeletedCount() == 1) {
                removed.add(job);
            }
        }
        return removed;
    }

    /**
     * A member of the timebank was erased: every download of it may name them. A finished one's record
     * is deleted (returned, so the caller deletes its file); one being made is reported failed
     * ({@value #ERASED}), conditionally on its state, so its maker's last write is refused and it
     * deletes its own file. Repeatable.
     */
    List<ExportJob> forgetDownloads(String timebankId) {
        List<ExportJob> removed = new ArrayList<>();
        for (Document d : jobs().find(eq("timebankId", timebankId))) {
            ExportJob job = read(d);
            if (job.state().active()) {
                if (jobs().updateOne(and(eq("_id", key(job)), eq("state", job.state().name())),
                        Updates.combine(Updates.set("state", ExportJob.State.FAILED.name()), Updates.set("failure", ERASED),
                                Updates.set("finishedAt", Date.from(now())))).getModifiedCount() == 1) {
                    release(job);
                }
            } else if (jobs().deleteOne(and(eq("_id", key(job)), eq("state", job.state().name()))).getDeletedCount() == 1) {
                removed.add(job);
            }
        }
        return removed;
    }

    static final String ERASED = "member-erased";

    private void release(ExportJob job) {
        active().deleteOne(and(eq("_id", job.timebankId()), eq(ACTIVE_JOB, job.id())));
    }

    private static Bson running(ExportJob job, String owner) {
        return and(eq("_id", key(job)), eq("state", ExportJob.State.RUNNING.name()), eq("owner", owner));
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private MongoCollection<Document> jobs() {
        return mongo.getCollection("export_jobs");
    }

    private MongoCollection<Document> active() {
        return mongo.getCollection("export_active");
    }

    private static String key(ExportJob job) {
        return key(job.timebankId(), job.id());
    }

    private static String key(String timebankId, String id) {
        return timebankId + "|" + id;
    }

    // ---- the document

    static Document write(ExportJob job) {
        return new Document("_id", key(job)).append("id", job.id()).append("timebankId", job.timebankId())
                .append("requestedBy", job.requestedBy()).append("state", job.state().name())
                .append("requestedAt", date(job.requestedAt())).append("startedAt", date(job.startedAt()))
                .append("heartbeatAt", date(job.heartbeatAt())).append("finishedAt", date(job.finishedAt()))
                .append("owner", job.owner()).append("files", files(job.files())).append("failure", job.failure())
                .append("bytes", job.bytes());
    }

    private static List<Document> files(List<ExportJob.FileProgress> files) {
        return files.stream().map(f -> new Document("name", f.name()).append("written", f.written())
                .append("total", f.total()).append("done", f.done())).toList();
    }

    static ExportJob read(Document d) {
        List<ExportJob.FileProgress> files = d.getList("files", Document.class).stream()
                .map(f -> new ExportJob.FileProgress(f.getString("name"), ((Number) f.get("written")).longValue(),
                        f.get("total") == null ? null : ((Number) f.get("total")).longValue(),
                        Boolean.TRUE.equals(f.getBoolean("done"))))
                .toList();
        return new ExportJob(d.getString("id"), d.getString("timebankId"), d.getString("requestedBy"),
                ExportJob.State.valueOf(d.getString("state")), instant(d.getDate("requestedAt")),
                instant(d.getDate("startedAt")), instant(d.getDate("heartbeatAt")), instant(d.getDate("finishedAt")),
                d.getString("owner"), files, d.getString("failure"),
                d.get("bytes") == null ? null : ((Number) d.get("bytes")).longValue());
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Date at) {
        return at == null ? null : at.toInstant();
    }
}
