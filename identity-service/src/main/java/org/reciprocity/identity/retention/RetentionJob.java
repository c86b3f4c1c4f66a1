package org.reciprocity.identity.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.reciprocity.kit.retention.Retention;
import org.reciprocity.kit.retention.RetentionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a day, removes the expired sign-in links and welcome tokens ({@link IdentityRetention}), one instance a day. */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final Retention retention;
    private final Clock clock;

    RetentionJob(MongoTemplate mongo, Clock clock, @Value("${spring.application.name:identity-service}") String service) {
        this.retention = new Retention(mongo, service);
        this.clock = clock;
    }

    @Scheduled(cron = "${reciprocity.retention.cron:0 17 3 * * *}", zone = "UTC")
    public void daily() {
        runAt(clock.instant());
    }

    /** The day's run as at {@code now}: the scheduler gives its clock's time, a test a fixed one. */
    public Optional<RetentionReport> runAt(Instant now) {
        Optional<RetentionReport> report = retention.run(List.of(IdentityRetention.values()), now);
        report.ifPresent(r -> log.info("retention applied: {}", r.removed()));
        return report;
    }

    /** This service's last reports, newest first (for the admins' API). */
    public List<RetentionReport> last(int n) {
        return retention.last(n);
    }
}
