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
import org.reciprocity.contracts.contribution.ContributionWithdrawn;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.contribution.ValidationReminderDue;
import org.reciprocity.contracts.ledger.SoftLimitCrossed;
import org.reciprocity.contracts.match.MatchAccepted;
import org.reciprocity.contracts.match.MatchAgreed;
import org.reciprocity.contracts.match.MatchCancelled;
import org.reciprocity.contracts.match.MatchProposed;

/**
 * Who is told what, from each event: the policy of the service in one place, plain Java. Nobody is
 * told about their own action (a coordinator who resolved a dispute is not notified of it). What a
 * member must answer or know about their own hours (time logged with them to confirm, its reminders
 * and expiry, disputes) reaches them even while they are paused or suspended: pausing is about new
 * matches, and unanswered time would otherwise expire unseen.
 */
public final class Notices {

    /** Parameter names used by the texts. */
    public static final String OTHER = "other";
    public static final String SECOND = "second";
    public static final String MINUTES = "minutes";
    public static final String DATE = "date";
    public static final String DEADLINE = "deadline";
    /**
     * Issue 18: free text (a thank-you note, a reason, a resolve note, what a match or a contribution was
     * for) is no longer copied into a message, nor said: the message says where to read it. These
     * parameters are only found in items stored before, and erasure removes them there.
     */
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
    /** The contribution a member is asked to confirm: its inbox items close once it is answered or gone. */
    public static final String CONTRIBUTION = "contribution";
    /** What two matched members would do together (a listing's title): no longer written, see {@link #NOTE}. */
    public static final String ACTIVITY = "activity";
    /** The id put in place of an erased member's in messages to others (issue 18): said as "a former member". */
    public static final String ERASED = "erased";
    /**
     * Which wording of a kind fits the reader: {@code ASKED} (the other member asked for the reader's
     * help) or {@code OFFERED} (the other member offered to help the reader); none for the usual one.
     */
    public static final String VARIANT = "variant";
    /** A coordinator's queue: how many contributions wait for a check, how many disputes are open. */
    public static final String WAITING = "waiting";
    public static final String DISPUTES = "disputes";
    /**
     * The portal page that acts on a message ({@code /contributions/<id>}), a path below the portal's
     * base URL: the e-mail's button and the inbox link there. Kinds without one use {@link Pages#of}'s default.
     */
    public static final String PAGE = "page";
    /** Variants: the other person gave the reader time, or the reader gave them time. */
    public static final String THEY_GAVE = "THEY_GAVE";
    public static final String YOU_GAVE = "YOU_GAVE";
    /** Variants: the reader raised a question about their time, or the other person did. */
    public static final String YOU_ASKED = "YOU_ASKED";
    public static final String THEY_ASKED = "THEY_ASKED";

    private Notices() {
    }

    /**
     * The notices an event causes. {@code coordinators} are the timebank's coordinators, told
     * about disputes.
     */
    public static List<Notice> from(DomainEvent event, List<String> coordinators) {
        Builder b = new Builder(event);
        // the welcome waits for the member's details: see welcome()
        if (event instanceof ContributionLogged e) {
            // about the member's own hours: a paused member is asked too (pausing is about new matches)
            String logger = e.side() == LoggedBy.GIVER ? e.giverAccountId() : e.receiverAccountId();
            // who gave whom, in the reader's terms: "Sam says they gave you 1 hour"; what for is on the page
            b.aboutTheirHours(e.awaitingValidationBy(), MessageKind.PLEASE_CONFIRM, params(OTHER, logger,
                    MINUTES, e.minutes(), DATE, e.happenedOn(), DEADLINE, e.validationDeadline(),
                    CONTRIBUTION, e.contributionId(), PAGE, contributionPage(e.contributionId()),
                    VARIANT, e.side() == LoggedBy.GIVER ? THEY_GAVE : YOU_GAVE));
        } else if (event instanceof ValidationReminderDue e) {
            boolean readerGave = e.remindAccountId() != null && e.remindAccountId().equals(e.giverAccountId());
            String other = readerGave ? e.receiverAccountId() : e.giverAccountId();
            b.aboutTheirHours(e.remindAccountId(), e.lastCall() ? MessageKind.LAST_CALL : MessageKind.REMINDER,
                    params(OTHER, other, MINUTES, e.minutes(), DEADLINE, e.validationDeadline(),
                            CONTRIBUTION, e.contributionId(), PAGE, contributionPage(e.contributionId()),
                            VARIANT, readerGave ? YOU_GAVE : THEY_GAVE));
        } else if (event instanceof ContributionValidated e) {
            b.to(e.giverAccountId(), MessageKind.THANK_YOU, params(OTHER, e.validatedBy(),
                    MINUTES, e.minutes(), PAGE, contributionPage(e.contributionId())));
        } else if (event instanceof ContributionExpired e) {
            String page = contributionPage(e.contributionId());
            b.aboutTheirHours(e.giverAccountId(), MessageKind.CONTRIBUTION_EXPIRED, params(OTHER, e.receiverAccountId(), PAGE, page));
            b.aboutTheirHours(e.receiverAccountId(), MessageKind.CONTRIBUTION_EXPIRED, params(OTHER, e.giverAccountId(), PAGE, page));
        } else if (event instanceof ContributionDisputed e) {
            disputed(b, e, coordinators);
        } else if (event instanceof ContributionResolved e) {
            String page = contributionPage(e.contributionId());
            b.bothSides(e.giverAccountId(), e.receiverAccountId(), MessageKind.DISPUTE_RESOLVED,
                    params(MINUTES, e.minutes(), PAGE, page));
            b.coordinators(coordinators, e.resolvedBy(), MessageKind.DISPUTE_CLOSED,
                    params(OTHER, e.giverAccountId(), SECOND, e.receiverAccountId(), PAGE, page));
        } else if (event instanceof ContributionRejected e) {
            String page = contributionPage(e.contributionId());
            b.bothSides(e.giverAccountId(), e.receiverAccountId(), MessageKind.CONTRIBUTION_REJECTED,
                    params(PAGE, page));
            b.coordinators(coordinators, e.rejectedBy(), MessageKind.DISPUTE_CLOSED,
                    params(OTHER, e.giverAccountId(), SECOND, e.receiverAccountId(), PAGE, page));
        } else if (event instanceof SoftLimitCrossed e) {
            // the member's own figures stay on their account page; the words say only "close to the limit"
            b.to(e.accountId(), MessageKind.BALANCE_NEAR_LIMIT, params(DIRECTION, e.direction()));
            b.coordinators(coordinators, e.accountId(), MessageKind.BALANCE_NEAR_LIMIT_TO_REVIEW,
                    params(OTHER, e.accountId(), DIRECTION, e.direction(), PAGE, "/coordination/members/" + e.accountId()));
        } else if (event instanceof MatchProposed e) {
            proposed(b, e);
        } else if (event instanceof MatchAccepted e) {
            // the proposer's own yes comes with the proposal, and a second yes is told by MatchAgreed:
            // only a first yes the reader has not answered yet is news to them
            boolean withTheProposal = e.acceptedBy() != null && e.acceptedBy().equals(e.proposedBy());
            if (!withTheProposal && !Boolean.TRUE.equals(e.bothAccepted())) {
                String other = e.giverId() != null && e.giverId().equals(e.acceptedBy()) ? e.receiverId() : e.giverId();
                b.to(other, MessageKind.MATCH_ACCEPTED, params(OTHER, e.acceptedBy(), PAGE, matchPage(e.matchId())));
            }
        } else if (event instanceof MatchCancelled e) {
            // one side called it off (or left the timebank: matching cancels an erased member's open
            // matches in their name): the other side is not left waiting. A coordinator's cancellation
            // is told by the coordinator, as before.
            String other = e.giverId() != null && e.giverId().equals(e.cancelledBy()) ? e.receiverId()
                    : e.receiverId() != null && e.receiverId().equals(e.cancelledBy()) ? e.giverId() : null;
            if (other != null) {
                b.to(other, MessageKind.MATCH_CANCELLED, params(OTHER, e.cancelledBy(), PAGE, matchPage(e.matchId())));
            }
        } else if (event instanceof MatchAgreed e) {
            b.to(e.giverId(), MessageKind.MATCH_AGREED, params(OTHER, e.receiverId(), PAGE, matchPage(e.matchId())));
            b.to(e.receiverId(), MessageKind.MATCH_AGREED, params(OTHER, e.giverId(), PAGE, matchPage(e.matchId())));
        }
        return b.notices();
    }

    /**
     * A member who answered a listing proposed the match and said yes by doing so: they are not
     * asked again; the other side is told who asked and for what. A match proposed by a coordinator
     * or the planner asks both.
     */
    private static void proposed(Builder b, MatchProposed e) {
        boolean byASide = "MEMBER".equals(e.proposedVia()) && e.proposedBy() != null
                && (e.proposedBy().equals(e.giverId()) || e.proposedBy().equals(e.receiverId()));
        if (byASide) {
            boolean giverAsked = e.proposedBy().equals(e.giverId());
            b.to(giverAsked ? e.receiverId() : e.giverId(), MessageKind.MATCH_PROPOSED, params(OTHER, e.proposedBy(),
                    DEADLINE, e.expiresAt(), VARIANT, giverAsked ? "OFFERED" : "ASKED",
                    PAGE, matchPage(e.matchId())));
            return;
        }
        b.to(e.giverId(), MessageKind.MATCH_PROPOSED, params(OTHER, e.receiverId(), DEADLINE, e.expiresAt(),
                PAGE, matchPage(e.matchId())));
        b.to(e.receiverId(), MessageKind.MATCH_PROPOSED, params(OTHER, e.giverId(), DEADLINE, e.expiresAt(),
                PAGE, matchPage(e.matchId())));
    }

    /**
     * Both sides hear that their time is being looked at, each in their own terms. The one who raised
     * the question is thanked; the other side hears who asked, and where to read what they said;
     * coordinators hear both names, and read the words on the page, as they settle it.
     */
    private static void disputed(Builder b, ContributionDisputed e, List<String> coordinators) {
        String page = contributionPage(e.contributionId());
        for (String[] sides : new String[][] {{e.giverAccountId(), e.receiverAccountId()},
                {e.receiverAccountId(), e.giverAccountId()}}) {
            String reader = sides[0];
            String other = sides[1];
            boolean readerAsked = reader != null && reader.equals(e.disputedBy());
            boolean otherAsked = other != null && other.equals(e.disputedBy());
            b.aboutTheirHours(reader, MessageKind.DISPUTE_OPENED, params(OTHER, other, PAGE, page,
                    VARIANT, readerAsked ? YOU_ASKED : otherAsked ? THEY_ASKED : null));
        }
        b.coordinators(coordinators, e.disputedBy(), MessageKind.DISPUTE_TO_REVIEW,
                params(OTHER, e.giverAccountId(), SECOND, e.receiverAccountId(), PAGE, page));
    }

    private static String contributionPage(String contributionId) {
        return contributionId == null ? null : "/contributions/" + contributionId;
    }

    private static String matchPage(String matchId) {
        return matchId == null ? null : "/matches/" + matchId;
    }

    /**
     * The welcome of a member, once both their registration and their details are here. Keyed by the
     * registration event, so it is delivered once however often it is decided.
     */
    public static Notice welcome(String registrationEventId, java.time.Instant registeredAt, String timebankId,
            String memberId) {
        return new Notice(registrationEventId, registeredAt, timebankId, memberId, MessageKind.WELCOME, Map.of(), false);
    }

    /**
     * A message's parameters with an erased member taken out (issue 18): their id becomes {@link #ERASED}
     * wherever the words would name them, and free text of old messages goes (it may quote or name them).
     * The same parameters when they do not mention the member.
     */
    public static Map<String, String> withoutMember(Map<String, String> params, String memberId) {
        Map<String, String> kept = new HashMap<>(params);
        for (String key : List.of(OTHER, SECOND)) {
            if (memberId.equals(kept.get(key))) {
                kept.put(key, ERASED);
            }
        }
        for (int i = 0; kept.containsKey(ITEM + i); i++) {
            String[] parts = kept.get(ITEM + i).split("\\|", -1);
            for (int p = 1; p < Math.min(parts.length, 3); p++) {
                if (memberId.equals(parts[p])) {
                    parts[p] = ERASED;
                }
            }
            kept.put(ITEM + i, String.join("|", parts));
        }
        kept.remove(NOTE);
        kept.remove(REASON);
        kept.remove(ACTIVITY);
        return kept;
    }

    /**
     * A request to confirm a contribution that needs no answer any more, and why: it was
     * confirmed, disputed, withdrawn, expired, rejected or resolved.
     */
    public record Answered(String timebankId, String contributionId, String because) {
    }

    /** The events that answer (or end) a contribution someone may have been asked to confirm, and why. */
    private static final Map<Class<? extends DomainEvent>, String> ANSWERS = Map.of(
            ContributionValidated.class, "CONFIRMED", ContributionDisputed.class, "DISPUTED",
            ContributionWithdrawn.class, "WITHDRAWN", ContributionExpired.class, "EXPIRED",
            ContributionRejected.class, "REJECTED", ContributionResolved.class, "RESOLVED");

    /** Whether the event answers (or ends) a contribution someone may have been asked to confirm. */
    public static java.util.Optional<Answered> answered(DomainEvent event) {
        // a contribution's events have the contribution as their subject
        return java.util.Optional.ofNullable(ANSWERS.get(event.getClass()))
                .map(because -> new Answered(event.timebankId(), event.subject(), because));
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

        /** A message about the recipient's own hours: a paused or suspended member gets it too. */
        void aboutTheirHours(String recipient, MessageKind kind, Map<String, String> params) {
            add(recipient, kind, params, true);
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
