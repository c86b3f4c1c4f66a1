package org.reciprocity.review.export;

import java.time.Instant;
import java.util.List;

/**
 * One download of a whole timebank being made, as kept in {@code export_jobs} and shown to the
 * admin: its state and, per file, the rows written out of the rows there are ({@code total} is
 * {@code null} until the file is started, when its rows are read).
 *
 * @param owner       the instance making it (a random id per process), so only it writes progress
 * @param heartbeatAt when its maker last said it was still at work: long silent means it stopped
 */
public record ExportJob(String id, String timebankId, String requestedBy, State state, Instant requestedAt,
                        Instant startedAt, Instant heartbeatAt, Instant finishedAt, String owner, List<FileProgress> files,
                        String failure, Long bytes) {

    public enum State {
        QUEUED, RUNNING, READY, FAILED;

        boolean active() {
            return this == QUEUED || this == RUNNING;
        }
    }

    public record FileProgress(String name, long written, Long total, boolean done) {
    }

    public ExportJob {
        files = List.copyOf(files);
    }

    public long rowsWritten() {
        return files.stream().mapToLong(FileProgress::written).sum();
    }
}
