package org.reciprocity.notification.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reciprocity.kit.messaging.ProcessedEvents;
import org.reciprocity.notification.delivery.Outreach;
import org.reciprocity.notification.message.MessageKind;
import org.reciprocity.notification.message.Notice;
import org.reciprocity.notification.queue.CoordinatorQueue;
import org.reciprocity.notification.queue.CoordinatorQueues;
import org.reciprocity.notification.queue.OpenContribution;
import org.reciprocity.notification.recipient.Recipient;
import org.reciprocity.notification.recipient.Recipients;
import org.reciprocity.notification.recipient.Timebank;
import org.reciprocity.notification.statement.MonthlyActivity;
import org.reciprocity.notification.statement.MonthlyStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the monthly statements and the coordinators' daily digests when they are due in each
 * timebank's zone. Runs on every instance: each message's notice id is its period
 * ({@code statement:<yyyy-MM>}, {@code queue:<yyyy-MM-dd>}), so its delivery keys are
 * {@code statement:<yyyy-MM>:<memberId>:<CHANNEL>} and {@code queue:<yyyy-MM-dd>:<memberId>:<CHANNEL>}, unique
 * in the inbox and the delivery log: two instances, or a restart halfway, send each once. A
 * finished period is recorded (the kit's {@code ProcessedEvents}, consumer {@value #CONSUMER}), so
 * later checks skip it without work.
 */
@Component
@EnableConfigurationProperties(ScheduleProperties.class)
public class ScheduledMessages {

    private static final Logger log = LoggerFactory.getLogger(ScheduledMessages.class);
    static final String CONSUMER = "notification.schedules";

    private final Recipients recipients;
    private final MonthlyStatements statements;
    private final CoordinatorQueues queues;
    private final Outreach outreach;
    private final ProcessedEvents processed;
    private final Clock clock;
    private final ScheduleProperties properties;

    ScheduledMessages(Recipients recipients, MonthlyStatements statements, CoordinatorQueues queues, Outreach outreach,
            ProcessedEvents processed, Clock clock, ScheduleProperties properties) {
        this.recipients = recipients;
        this.statements = statements;
        this.queues = queues;
        this.outreach = outreach;
        this.processed = processed;
        this.clock = clock;
        this.properties = properties;
    }

    /** Timebanks keep their own zones, so one check every {@code check-interval} looks at each. */
    @Scheduled(fixedDelayString = "${reciprocity.notification.schedules.check-interval:1m}",
            initialDelayString = "${reciprocity.notification.schedules.check-interval:1m}")
    public void sendDue() {
        Instant now = clock.instant();
        for (Timebank timebank : recipients.allTimebanks()) {
            try {
                Calendar.statementDue(now, timebank.zone(), properties.statementAt())
                        .ifPresent(month -> processed.applyOnce(CONSUMER, "statement:" + timebank.timebankId() + ":" + month,
                                () -> sendStatements(timebank, month)));
                Calendar.queueDigestDue(now, timebank.zone(), properties.queueDigestAt())
                        .ifPresent(day -> processed.applyOnce(CONSUMER, "queue:" + timebank.timebankId() + ":" + day,
                                () -> sendQueueDigests(timebank, day, now)));
            } catch (RuntimeException e) {
                log.warn("scheduled messages of timebank {} not sent yet, the next check retries: {}",
                        timebank.timebankId(), e.getMessage(), e);
            }
        }
    }

    private void sendStatements(Timebank timebank, YearMonth month) {
        Instant at = Calendar.statementTime(month, timebank.zone(), properties.statementAt());
        List<MonthlyActivity> months = statements.of(timebank.timebankId(), month);
        // accounts without a member here (an organisation's) get no statement
        Map<String, Recipient> members = recipients.findAll(months.stream().map(MonthlyActivity::memberId).toList());
        List<Notice> notices = new ArrayList<>();
        for (MonthlyActivity activity : months) {
            Recipient member = members.get(activity.memberId());
            if (activity.hadActivity() && member != null && timebank.timebankId().equals(member.timebankId())) {
                notices.add(new Notice("statement:" + month, at, timebank.timebankId(), activity.memberId(),
                        MessageKind.MONTHLY_STATEMENT, activity.statementParams(), false));
            }
        }
        outreach.deliver(notices, timebank);
        log.info("statements for {} in timebank {}: {}", month, timebank.timebankId(), notices.size());
    }

    private void sendQueueDigests(Timebank timebank, LocalDate day, Instant now) {
        Instant at = Calendar.queueDigestTime(day, timebank.zone(), properties.queueDigestAt());
        List<OpenContribution> open = queues.open(timebank.timebankId());
        List<Notice> notices = new ArrayList<>();
        for (String coordinator : timebank.coordinators()) {
            CoordinatorQueue queue = CoordinatorQueue.of(open, coordinator, now, properties.waitingLongerThan());
            if (!queue.isEmpty()) {
                notices.add(new Notice("queue:" + day, at, timebank.timebankId(), coordinator, MessageKind.QUEUE_DIGEST,
                        queue.digestParams(properties.queueDigestMaxItems()), false));
            }
        }
        outreach.deliver(notices, timebank);
    }
}
