package org.reciprocity.review.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.reciprocity.review.store.Projections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Makes downloads in the background, on a Spring {@link ThreadPoolTaskExecutor} of its own (one
 * thread: a download reads a whole timebank, and two at once would only slow both), built with
 * Boot's {@link ThreadPoolTaskExecutorBuilder}; kept out of the context's beans so Boot's
 * {@code applicationTaskExecutor} stays as it is. Spring's scheduling (enabled by the service kit)
 * beats each job's heartbeat while it is made and removes old downloads.
 *
 * <p>A download is written to {@code <dir>/<id>.zip.part} and moved to {@code <id>.zip} when
 * whole, then the job is marked READY; one that fails or is taken away leaves no file. Downloads
 * are kept {@code reciprocity.review.export.keep} (a day) after they are finished, then their
 * record and file are removed. With several instances, {@code dir} is a volume they share.
 */
@Component
public class ExportRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExportRunner.class);

    /** This process: the owner of the jobs it makes. A restarted process is another owner. */
    private final String owner = UUID.randomUUID().toString();
    private final Set<ExportJob> mine = ConcurrentHashMap.newKeySet();
    private final ExportJobs jobs;
    private final ExportWriter writer;
    private final Path dir;
    private final Duration keep;
    private final Clock clock;
    private final ThreadPoolTaskExecutor executor;

    ExportRunner(MongoTemplate mongo, Projections projections, MatchingRecords matching, Clock clock,
                 ObjectProvider<ThreadPoolTaskExecutorBuilder> builder,
                 @Value("${reciprocity.review.export.dir}") Path dir,
                 @Value("${reciprocity.review.export.keep:PT24H}") Duration keep,
                 @Value("${reciprocity.review.export.stale-after:PT2M}") Duration staleAfter) {
        this.jobs = new ExportJobs(mongo, clock, staleAfter);
        this.writer = new ExportWriter(projections.facts(), matching);
        this.dir = dir;
        this.keep = keep;
        this.clock = clock;
        this.executor = builder.getIfAvailable(ThreadPoolTaskExecutorBuilder::new)
                .corePoolSize(1).maxPoolSize(1).queueCapacity(100).threadNamePrefix("review-export-").build();
        this.executor.initialize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the downloads' folder " + dir, e);
        }
    }

    /** The members a download of the timebank holds (its members file): whose data the ZIP gives away. */
    List<String> memberIds(String timebankId) {
        return writer.memberIds(timebankId);
    }

    ExportJobs jobs() {
        return jobs;
    }

    Duration keep() {
        return keep;
    }

    /** A new download of the timebank, or the one already being made. */
    ExportJob start(String timebankId, String requestedBy) {
        ExportJobs.Started started = jobs.startOrCurrent(timebankId, requestedBy, owner);
        if (started.created()) {
            mine.add(started.job());
            executor.execute(() -> make(started.job()));
        }
        return started.job();
    }

    Path file(ExportJob job) {
        return dir.resolve(job.id() + ".zip");
    }

    private void make(ExportJob job) {
        Path part = dir.resolve(job.id() + ".zip.part");
        try {
            if (!jobs.claim(job, owner)) {
                return; // reported failed while it waited its turn
            }
            List<ExportJob.FileProgress> files = writer.write(job.timebankId(), part,
                    progress -> jobs.progress(job, owner, progress));
            long bytes = Files.size(part);
            Files.move(part, file(job), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (!jobs.ready(job, owner, files, bytes)) {
                Files.deleteIfExists(file(job)); // taken away at the last moment: reported failed, so no file
            }
        } catch (ExportWriter.Stopped stopped) {
            log.warn("download {} of timebank {} was reported failed while being made; stopped", job.id(),
                    job.timebankId());
        } catch (Exception e) {
            log.error("download {} of timebank {} failed", job.id(), job.timebankId(), e);
            jobs.failed(job, owner, "error");
        } finally {
            mine.remove(job);
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                log.warn("could not remove {}", part, e);
            }
        }
    }

    /** Says this process is still at work on its jobs, also while a long read holds one. */
    @Scheduled(fixedDelayString = "${reciprocity.review.export.heartbeat:PT20S}")
    void heartbeat() {
        for (ExportJob job : mine) {
            jobs.heartbeat(job.timebankId(), job.id(), owner);
        }
    }

    /** Removes downloads finished longer than {@code keep} ago, and reports stopped ones failed. */
    @Scheduled(fixedDelayString = "${reciprocity.review.export.sweep-every:PT10M}")
    void sweep() {
        for (ExportJob old : jobs.sweep(clock.instant().minus(keep))) {
            try {
                Files.deleteIfExists(file(old));
            } catch (IOException e) {
                log.warn("could not remove the download {}", file(old), e);
            }
        }
    }

    /**
     * A member of the timebank was erased: its downloads, finished or being made, may name them, so
     * they go (records and files); an admin makes a new one. Repeatable. Returns the collection it changed.
     */
    public String forgetDownloads(String timebankId) {
        for (ExportJob old : jobs.forgetDownloads(timebankId)) {
            try {
                Files.deleteIfExists(file(old));
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove the download " + file(old), e);
            }
        }
        return "export_jobs";
    }

    /** A graceful stop: the jobs in hand are reported failed now, not after {@code stale-after}. */
    @Override
    public void destroy() {
        executor.shutdown();
        for (ExportJob job : mine) {
            jobs.failed(job, owner, "stopped");
        }
    }
}
