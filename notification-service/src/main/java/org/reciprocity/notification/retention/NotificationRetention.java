package org.reciprocity.notification.retention;

import java.time.Instant;
import java.util.List;

import org.reciprocity.kit.retention.RetentionPolicy;
import org.reciprocity.kit.retention.RetentionRule;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What notification-service stops keeping (issue 18): a member's messages, in their inbox and in the
 * delivery log, a policy's {@code messages} period after they were sent. A document whose events
 * still wait in its outbox stays until they are published.
 */
public enum NotificationRetention implements RetentionRule {

    /** An inbox item, counted from when its message was made ({@code occurredAt}). */
    INBOX_ITEMS("inbox-items", "inbox_items") {
        @Override
        public Criteria olderThan(Instant now, RetentionPolicy policy) {
            return new Criteria().andOperator(Criteria.where("occurredAt").lt(now.minus(policy.messages())),
                    nothingToPublish());
        }
    },

    /**
     * A delivery that is over (sent, failed for good or cancelled), counted from the later of when it
     * was made and when it was sent: one waiting or being retried is never removed.
     */
    DELIVERIES("deliveries", "deliveries") {
        @Override
        public Criteria olderThan(Instant now, RetentionPolicy policy) {
            Instant cutoff = now.minus(policy.messages());
            return new Criteria().andOperator(Criteria.where("status").in(FINAL),
                    Criteria.where("occurredAt").lt(cutoff),
                    new Criteria().orOperator(Criteria.where("sentAt").is(null), Criteria.where("sentAt").lt(cutoff)),
                    nothingToPublish());
        }
    };

    static final List<String> FINAL = List.of("SENT", "FAILED", "CANCELLED");

    private final String what;
    private final String collection;

    NotificationRetention(String what, String collection) {
        this.what = what;
        this.collection = collection;
    }

    @Override
    public String what() {
        return what;
    }

    @Override
    public String collection() {
        return collection;
    }

    private static Criteria nothingToPublish() {
        return Criteria.where("outbox.0").exists(false);
    }
}
