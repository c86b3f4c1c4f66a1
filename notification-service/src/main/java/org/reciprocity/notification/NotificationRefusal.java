package org.reciprocity.notification;

import org.reciprocity.kit.problem.Outcome;
import org.reciprocity.kit.problem.Reason;

/**
 * Every refusal of notification-service, by code ({@code unknown-channel}…), with default English
 * words; the portal words them for its reader. Those the kit shares (not signed in, not permitted,
 * not found) are in {@link org.reciprocity.kit.problem.Problems}.
 */
public enum NotificationRefusal implements Reason {
    NOT_KNOWN_YET(Outcome.NOT_FOUND, "Member '{memberId}' is not known here yet."),
    UNSUBSCRIBE_LINK_NOT_VALID(Outcome.NOT_FOUND, "This link is not valid. Please sign in to change your e-mails."),
    UNKNOWN_MESSAGE_KIND(Outcome.INVALID, "'{kind}' is not a kind of message; the kinds are {kinds}."),
    UNKNOWN_CHANNEL(Outcome.INVALID, "'{channel}' is not a channel; the channels are {channels}."),
    UNKNOWN_LANGUAGE(Outcome.INVALID, "'{language}' is not a language we write in; the languages are {languages}."),
    QUIET_HOURS_NOT_TIMES(Outcome.INVALID, "Quiet hours are times like 22:00."),
    QUIET_HOURS_EMPTY(Outcome.INVALID, "Quiet hours must start and end at different times."),
    UNKNOWN_DELIVERY_STATUS(Outcome.INVALID, "'{status}' is not a delivery status; the statuses are {statuses}."),
    /** Also the reason a live stream closes when its member is suspended. */
    MEMBER_SUSPENDED(Outcome.NOT_PERMITTED,
            "New messages are not shown live while your membership is on hold. Your inbox is still here."),
    /** Why a live stream closes when the sign-in that opened it ends: the client opens it again with a fresh one. */
    SIGN_IN_EXPIRED(Outcome.NOT_SIGNED_IN, "Your sign-in has ended. Please sign in again to see new messages live."),
    /** Why live streams close when this instance stops (a restart, a deploy): the client reconnects to another. */
    SERVICE_RESTARTING(Outcome.UNAVAILABLE,
            "We are restarting for a moment. New messages will show again shortly; your inbox is unchanged."),
    /** Why the oldest of a member's live streams closes when they open one too many. */
    TOO_MANY_LIVE_STREAMS(Outcome.TOO_MANY,
            "New messages now show in your newest window; this one has stopped. Reload it to see them here.");

    private final Outcome outcome;
    private final String english;

    NotificationRefusal(Outcome outcome, String english) {
        this.outcome = outcome;
        this.english = english;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public String english() {
        return english;
    }
}
