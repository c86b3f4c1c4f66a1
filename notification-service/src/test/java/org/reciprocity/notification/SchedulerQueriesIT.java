package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * The scheduled jobs of the notification service and where each one's store queries run against
 * the embedded store (mongo-java-server over the wire). None asks for a projection: they read whole
 * documents ({@code deliveries} by status and time, {@code inbox_announcements}, an announcement
 * writer's {@code inbox_items}, {@code timebanks}, {@code monthly_activity}, {@code queue_contributions}),
 * which both stores answer alike. A new {@code @Scheduled} job fails here until it is given a contract.
 */
class SchedulerQueriesIT extends NotificationServiceIT {

    /** Each job, and the test that runs it the way the scheduler does against the embedded store. */
    static final Map<String, String> CONTRACTS = Map.of(
            "Dispatcher.dispatchDue", "ContributionNotificationsIT (every e-mail, retries and a stale claim)",
            "ScheduledMessages.sendDue", "ScheduledMessagesIT",
            "InboxAnnouncements.sweep", "inbox.InboxAnnouncementsIT",
            "RetentionJob.daily", "retention.RetentionJobIT",
            "OutboxRelay.sweep", "the ledger's SchedulerQueriesIT (the kit's scan of outbox collections)",
            "ReadLogRetention.daily", "the ledger's SchedulerQueriesIT and the kit's ReadLogRetentionIT (looks past two years)");

    @Autowired
    List<ScheduledTaskHolder> schedulers;

    @Test
    void everyScheduledJobOfTheServiceHasAContract() {
        assertThat(schedulers.stream().flatMap(s -> s.getScheduledTasks().stream())
                .map(task -> task.getTask().getRunnable().toString())
                .map(name -> name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1))
                .collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(CONTRACTS.keySet());
    }
}
