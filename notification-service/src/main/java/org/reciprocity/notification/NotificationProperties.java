package org.reciprocity.notification;

import java.time.Duration;
import java.time.LocalTime;

import org.reciprocity.notification.delivery.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code reciprocity.notification.*}: links, sender, dispatch pace, retries and the digest hour. */
@ConfigurationProperties("reciprocity.notification")
public record NotificationProperties(String publicBaseUrl, String mailFrom, Duration dispatchInterval, Retry retry,
                                     Duration staleSendingAfter, LocalTime digestAt) {

    public record Retry(Duration initialInterval, double multiplier, Duration maxInterval, int maxAttempts) {
        public RetryPolicy policy() {
            return new RetryPolicy(initialInterval, multiplier, maxInterval, maxAttempts);
        }
    }
}
