package org.reciprocity.notification;

import org.reciprocity.kit.problem.Outcome;
import org.reciprocity.kit.problem.Reason;

/**
 * Every refusal of notification-service, by code ({@code unknown-channel}…), with its words in
 * NotificationRefusal.properties (English) and _fr, chosen by the reader's language. Those the kit shares (not signed in, not permitted,
 * not found) are in {@link org.reciprocity.kit.problem.Problems}.
 */
public enum NotificationRefusal implements Reason {
    NOT_KNOWN_YET(Outcome.NOT_FOUND),
    UNSUBSCRIBE_LINK_NOT_VALID(Outcome.NOT_FOUND),
    UNKNOWN_MESSAGE_KIND(Outcome.INVALID),
    UNKNOWN_CHANNEL(Outcome.INVALID),
    UNKNOWN_LANGUAGE(Outcome.INVALID),
    QUIET_HOURS_NOT_TIMES(Outcome.INVALID),
    QUIET_HOURS_EMPTY(Outcome.INVALID),
    UNKNOWN_DELIVERY_STATUS(Outcome.INVALID),
    /** Also the reason a live stream closes when its member is suspended. */
    MEMBER_SUSPENDED(Outcome.NOT_PERMITTED),
    /** Why a live stream closes when the sign-in that opened it ends: the client opens it again with a fresh one. */
    SIGN_IN_EXPIRED(Outcome.NOT_SIGNED_IN),
    /** Why live streams close when this instance stops (a restart, a deploy): the client reconnects to another. */
    SERVICE_RESTARTING(Outcome.UNAVAILABLE),
    /** Why the oldest of a member's live streams closes when they open one too many. */
    TOO_MANY_LIVE_STREAMS(Outcome.TOO_MANY);

    private final Outcome outcome;

    NotificationRefusal(Outcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }
}
