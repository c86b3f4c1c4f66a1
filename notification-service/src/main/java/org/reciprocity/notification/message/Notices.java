package org.reciprocity.notification.message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.ContributionDisputed;
import org.reciprocity.contracts.contribution.ContributionExpired;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionRejected;
import org.reciprocity.contracts.contribution.ContributionResolved;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.contribution.ValidationReminderDue;
import org.reciprocity.contracts.ledger.SoftLimitCrossed;
import org.reciprocity.contracts.match.MatchAccepted;
import org.reciprocity.contracts.match.MatchAgreed;
import org.reciprocity.contracts.match.MatchProposed;
import org.reciprocity.contracts.member.MemberRegistered;

/**
 * Who is told what, from each event: the policy of the service in one place, plain Java. Nobody is
 * told about their own action (a coordinator who resolved a dispute is not notified of it).
 */
public final class Notices {

    /** Parameter names used by the texts. */
    public static final String OTHER = "other";
    public static final String SECOND = "second";
    public static final String MINUTES = "minutes";
    public static final String DATE = "date";
    public static final String DEADLINE = "deadline";
    public static final String NOTE = "note";
    public static final String REASON = "reason";
    /** Whether a balance is near the lowest ({@code LOW}) or the highest ({@code HIGH}) it may be. */
    public static final String DIRECTION = "direction";
    /** A month ({@code yyyy-MM}) and what happened in it: minutes given, received, entries confirmed, balance at its end. */
    public static final String MONTH = "month";
    public static final String GIVEN = "given";
    public static final String RECEIVED = "received";
    public static final String VALIDATED = "validated";
    public static final String BALANCE = "balance";
    /** Items of a list, {@code item0}, {@code item1}…, each {@code TYPE|giver|receiver|minutes|since}; then how many more. */
    public static final String ITEM = "item";
    public static final String MORE = "more";
    /** A coordinator's queue: how many contributions wait for a check, how many disputes are open. */
    public static final String WAITING = "waiting";
    public static final String DISPUTES = "disputes";

    private Notices() {
    }

    /**
     * The notices an event causes. {@code coordinators} are the timebank's coordinators, told
     * about disputes.
     */
    public static List<Notice> from(DomainEvent event, List<String> coordinators) {
        Builder b = new Builder(event);
        if (event instanceof MemberRegistered e) {
            b.to(e.memberId(), MessageKind.WELCOME, Map.of());
        } else if (event instanceof ContributionLogged e) {
            String logger = e.side() == LoggedBy.GIVER ? e.giverAccountId() : e.receiverAccountId();
            b.to(e.awaitingValidationBy(), MessageKind.PLEASE_CONFIRM, params(OTHER, logger, MINUTES, e.minutes(),
                    DATE, e.happenedOn(), DEADLINE, e.validationDeadline()));
        } else if (event instanceof ValidationReminderDue e) {
            String other = e.remindAccountId() != null && e.remindAccountId().equals(e.giverAccountId())
                    ? e.receiverAccountId() : e.giverAccountId();
            b.to(e.remindAccountId(), e.lastCall() ? MessageKind.LAST_CALL : MessageKind.REMINDER,
                    params(OTHER, other, MINUTES, e.minutes(), DEADLINE, e.validationDeadline()));
        } else if (event instanceof ContributionValidated e) {
            b.to(e.giverAccountId(), MessageKind.THANK_YOU, params(OTHER, e.validatedBy(), MINUTES, e.minutes(),
                    NOTE, e.thankYouNote()));
        } else if (event instanceof ContributionExpired e) {
            b.to(e.giverAccountId(), MessageKind.CONTRIBUTION_EXPIRED, params(OTHER, e.receiverAccountId()));
            b.to(e.receiverAccountId(), MessageKind.CONTRIBUTION_EXPIRED, params(OTHER, e.giverAccountId()));
        } else if (event instanceof ContributionDisputed e) {
            b.bothSides(e.giverAccountId(), e.receiverAccountId(), MessageKind.DISPUTE_OPENED, params(REASON, e.reason()));
            b.coordinators(coordinators, e.disputedBy(), MessageKind.DISPUTE_TO_REVIEW,
                    params(OTHER, e.giverAccountId(), SECOND, e.receiverAccountId(), REASON, e.reason()));
        } else if (event instanceof ContributionResolved e) {
            b.bothSides(e.giverAccountId(), e.receiverAccountId(), MessageKind.DISPUTE_RESOLVED,
                    params(MINUTES, e.minutes(), NOTE, e.note()));
            b.coordinators(coordinators, e.resolvedBy(), MessageKind.DISPUTE_CLOSED,
                    params(OTHER, e.giverAccountId(), SECOND, e.receiverAccountId()));
        } else if (event instanceof ContributionRejected e) {
            b.bothSides(e.giverAccountId(), e.receiverAccountId(), MessageKind.CONTRIBUTION_REJECTED,
                    params(REASON, e.reason()));
            b.coordinators(coordinators, e.rejectedBy(), MessageKind.DISPUTE_CLOSED,
                    params(OTHER, e.giverAccountId(), SECOND, e.receiverAccountId()));
        } else if (event instanceof SoftLimitCrossed e) {
            b.to(e.accountId(), MessageKind.BALANCE_NEAR_LIMIT, params(DIRECTION, e.direction()));
            b.coordinators(coordinators, e.accountId(), MessageKind.BALANCE_NEAR_LIMIT_TO_REVIEW,
                    params(OTHER, e.accountId(), DIRECTION, e.direction()));
        } else if (event instanceof MatchProposed e) {
            b.to(e.giverId(), MessageKind.MATCH_PROPOSED, params(OTHER, e.receiverId(), DEADLINE, e.expiresAt()));
            b.to(e.receiverId(), MessageKind.MATCH_PROPOSED, params(OTHER, e.giverId(), DEADLINE, e.expiresAt()));
        } else if (event instanceof MatchAccepted e) {
            String other = e.giverId() != null && e.giverId().equals(e.acceptedBy()) ? e.receiverId() : e.giverId();
            b.to(other, MessageKind.MATCH_ACCEPTED, params(OTHER, e.acceptedBy()));
        } else if (event instanceof MatchAgreed e) {
            b.to(e.giverId(), MessageKind.MATCH_AGREED, params(OTHER, e.receiverId()));
            b.to(e.receiverId(), MessageKind.MATCH_AGREED, params(OTHER, e.giverId()));
        }
        return b.notices();
    }

    /** The member ids a message's words mention: the other person, a second one, and the people in its list items. */
    public static Set<String> mentioned(Map<String, String> params) {
        Set<String> ids = new LinkedHashSet<>();
        for (String key : List.of(OTHER, SECOND)) {
            if (params.containsKey(key)) {
                ids.add(params.get(key));
            }
        }
        for (int i = 0; params.containsKey(ITEM + i); i++) {
            String[] parts = params.get(ITEM + i).split("\\|", -1);
            if (parts.length > 2) {
                ids.add(parts[1]);
                ids.add(parts[2]);
            }
        }
        return ids;
    }

    /** Pairs of name and value; null values are left out (an optional note). */
    public static Map<String, String> params(Object... pairs) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                params.put((String) pairs[i], pairs[i + 1].toString());
            }
        }
        return params;
    }

    private static final class Builder {
        private final DomainEvent event;
        private final List<Notice> notices = new ArrayList<>();
        private final Set<String> told = new LinkedHashSet<>();

        Builder(DomainEvent event) {
            this.event = event;
        }

        List<Notice> notices() {
            return List.copyOf(notices);
        }

        void to(String recipient, MessageKind kind, Map<String, String> params) {
            add(recipient, kind, params, false);
        }

        /** Both sides of a disputed contribution; for each, the other side is the "other". */
        void bothSides(String giver, String receiver, MessageKind kind, Map<String, String> params) {
            Map<String, String> toGiver = new HashMap<>(params);
            Map<String, String> toReceiver = new HashMap<>(params);
            if (receiver != null) {
                toGiver.put(OTHER, receiver);
            }
            if (giver != null) {
                toReceiver.put(OTHER, giver);
            }
            add(giver, kind, toGiver, true);
            add(receiver, kind, toReceiver, true);
        }

        void coordinators(List<String> coordinators, String actor, MessageKind kind, Map<String, String> params) {
            for (String coordinator : coordinators) {
                if (!coordinator.equals(actor)) {
                    add(coordinator, kind, params, false);
                }
            }
        }

        private void add(String recipient, MessageKind kind, Map<String, String> params, boolean ownHours) {
            // one message per person per event: a coordinator who is also a side gets the side's message
            if (recipient != null && !recipient.isBlank() && told.add(recipient)) {
                notices.add(new Notice(event.eventId().toString(), event.occurredAt(), event.timebankId(), recipient,
                        kind, params, ownHours));
            }
        }
    }
}
