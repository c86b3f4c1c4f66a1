package org.reciprocity.notification.message;

/** What a message is about; members choose channels per kind, and texts are written per kind. */
public enum MessageKind {
    WELCOME,
    PLEASE_CONFIRM,
    REMINDER,
    LAST_CALL,
    THANK_YOU,
    CONTRIBUTION_EXPIRED,
    DISPUTE_OPENED,
    DISPUTE_RESOLVED,
    CONTRIBUTION_REJECTED,
    /** To coordinators: a dispute waits for them. */
    DISPUTE_TO_REVIEW,
    /** To coordinators: a dispute was settled (by resolution or rejection). */
    DISPUTE_CLOSED,
    MATCH_PROPOSED,
    MATCH_ACCEPTED,
    MATCH_AGREED,
    /** The member's balance came close to one of the timebank's limits (a soft limit was crossed). */
    BALANCE_NEAR_LIMIT,
    /** To coordinators: a member's balance came close to a limit. */
    BALANCE_NEAR_LIMIT_TO_REVIEW,
    /** Once a month: what the member gave and received last month, and their balance. */
    MONTHLY_STATEMENT,
    /** To coordinators, once a day: the contributions and disputes waiting for them. */
    QUEUE_DIGEST,
    /** To the other side: a match was called off by one side (or because that member left: erased). */
    MATCH_CANCELLED;

    /**
     * Whether a message of this kind goes to an account nobody registered here (yet): most do, as
     * the member may be registered a moment later. A balance warning does not: a ledger account
     * with no member here is an organisation's, whose warning goes to the coordinators only.
     */
    public boolean reachesUnknownAccounts() {
        return this != BALANCE_NEAR_LIMIT;
    }
}
