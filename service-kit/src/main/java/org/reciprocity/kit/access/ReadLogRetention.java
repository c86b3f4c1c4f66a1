package org.reciprocity.kit.access;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Once a day, in every service that keeps looks ({@code sensitive_reads}), deletes the month
 * documents older than the two years the member's list promises ({@link ReadLog#MONTHS_KEPT}).
 *
 * <p>Not claimed through the services' daily retention report: the delete is one idempotent
 * "month before X" removal, so two instances running it the same night delete once between them
 * and the second finds nothing. It runs whatever the timebank's own retention policy says: the
 * two years are the platform's promise about looks, not a setting a timebank chooses.
 */
public class ReadLogRetention {

    private static final Logger log = LoggerFactory.getLogger(ReadLogRetention.class);

    private final ReadLog reads;
    private final Clock clock;

    ReadLogRetention(ReadLog reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    @Scheduled(cron = "${reciprocity.read-log.retention.cron:0 43 3 * * *}", zone = "UTC")
    public void daily() {
        long removed = reads.forgetOld(clock.instant());
        if (removed > 0) {
            log.info("sensitive_reads: {} month(s) of looks older than {} months removed", removed, ReadLog.MONTHS_KEPT);
        }
    }
}
