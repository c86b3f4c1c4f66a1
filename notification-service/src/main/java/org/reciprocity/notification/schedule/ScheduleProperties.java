package org.reciprocity.notification.schedule;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code reciprocity.notification.schedules.*}: when the monthly statement and the coordinators'
 * daily digest go out (local times, in each timebank's zone) and what the digest lists.
 *
 * @param statementAt       on the first day of each month, when last month's statements go out
 * @param queueDigestAt     every day, when coordinators get their queue
 * @param waitingLongerThan a contribution is listed once nobody has validated it for this long; zero lists all
 * @param queueDigestMaxItems the longest list in one digest; the rest are counted
 */
@ConfigurationProperties("reciprocity.notification.schedules")
public record ScheduleProperties(LocalTime statementAt, LocalTime queueDigestAt, Duration waitingLongerThan,
                                 int queueDigestMaxItems) {
}
