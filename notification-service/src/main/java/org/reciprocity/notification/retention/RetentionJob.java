package org.reciprocity.notification.retention;

import java.time.Clock;
import java.util.List;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.timebank.RetentionPolicyChanged;
import org.reciprocity.kit.retention.Retention;
import org.reciprocity.kit.retention.RetentionReport;
import org.reciprocity.kit.retention.RetentionReportsController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Once a day, removes the messages past their timebank's retention period ({@link NotificationRetention}),
 * one instance a day ({@link Retention}); keeps each timebank's policy as the ledger announces it.
 */
@Configuration
@Import(RetentionReportsController.class)
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final Retention retention;
    private final Clock clock;

    RetentionJob(MongoTemplate mongo, Clock clock, @Value("${spring.application.name:notification-service}") String service) {
        this.retention = new Retention(mongo, service);
        this.clock = clock;
    }

    @Bean
    Retention retention() {
        return retention;
    }

    @Scheduled(cron = "${reciprocity.retention.cron:0 17 3 * * *}", zone = "UTC")
    public void daily() {
        retention.run(List.of(NotificationRetention.values()), clock.instant())
                .ifPresent(RetentionJob::logged);
    }

    static void logged(RetentionReport report) {
        log.info("retention applied: {}", report.removed());
    }

    @KafkaListener(id = "notification.retention-policies", topics = Topics.TIMEBANKS_TOPIC)
    void on(DomainEvent event) {
        if (event instanceof RetentionPolicyChanged changed) {
            retention.policies().heard(changed);
        }
    }
}
