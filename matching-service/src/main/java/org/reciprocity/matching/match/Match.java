package org.reciprocity.matching.match;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.match.MatchAccepted;
import org.reciprocity.contracts.match.MatchAgreed;
import org.reciprocity.contracts.match.MatchCancelled;
import org.reciprocity.contracts.match.MatchCompleted;
import org.reciprocity.contracts.match.MatchDeclined;
import org.reciprocity.contracts.match.MatchExpired;
import org.reciprocity.contracts.match.MatchProposed;
import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.Refused;

/**
 * A proposal that a giver helps a receiver with a need. PROPOSED → each side accepts or declines →
 * AGREED (the ledger then lets either side log time against it) → COMPLETED when the ledger
 * reports a validated contribution naming it; DECLINED, CANCELLED or EXPIRED otherwise. Each
 * transition checks its guard and returns the events it caused. {@code activity} is what the two
 * would do together, in the member's words (the need's title), kept here and read through the API;
 * since issue 18 its events carry it (and a decline's or cancellation's reason) as {@code null}, so no
 * free text is on the matches topic. {@code null} for matches proposed before it was kept, and once a
 * side of the match was erased. {@code closedReason}: what the member who declined, or whoever
 * cancelled, wrote (the two read it on the match's page; blanked when a side is erased).
 */
public record Match(String id, String timebankId, String giverId, String receiverId, String offerListingId,
                    String needListingId, String proposedBy, Via via, long estimatedMinutes, int score,
                    Answer giverAnswer, Answer receiverAnswer, Status status, Instant proposedAt, Instant expiresAt,
                    Instant closedAt, String contributionId, long version, String activity, String closedReason) {

    public enum Status { PROPOSED, AGREED, COMPLETED, DECLINED, CANCELLED, EXPIRED }

    /**
     * The {@code closedReason} of a match cancelled because one side left the timebank (was erased):
     * a code this service writes, not anyone's words, so it stays when the erasure blanks the rest.
     */
    public static final String MEMBER_LEFT = "member-left";

    public enum Answer { PENDING, ACCEPTED, DECLINED }

    /** Who proposed: a member answering a listing, a coordinator, or the planner (sent by a coordinator). */
    public enum Via { MEMBER, COORDINATOR, PLANNER }

    public record Changed(Match match, List<DomainEvent> events) {
    }

    public boolean isOpen() {
        return status == Status.PROPOSED || status == Status.AGREED;
    }

    public boolean involves(String memberId) {
        return giverId.equals(memberId) || receiverId.equals(memberId);
    }

    static Changed propose(String timebankId, String giverId, String receiverId, String offerListingId,
                           String needListingId, String proposedBy, Via via, long estimatedMinutes, int score,
                           String activity, Duration answerWithin, Clock clock) {
        Instant now = Instant.now(clock);
        Match match = new Match(UUID.randomUUID().toString(), timebankId, giverId, receiverId, offerListingId,
                needListingId, proposedBy, via, estimatedMinutes, score, Answer.PENDING, Answer.PENDING,
                Status.PROPOSED, now, now.plus(answerWithin), null, null, 0, activity, null);
        List<DomainEvent> events = new ArrayList<>();
        // issue 18: the activity (the need's title, the member's words) is kept in the match, not on the topic
        events.add(new MatchProposed(UUID.randomUUID(), now, timebankId, match.id, giverId, receiverId, offerListingId,
                needListingId, proposedBy, via.name(), estimatedMinutes, score, match.expiresAt, null));
        // A member who answers a listing has said yes by answering.
        if (via == Via.MEMBER && match.involves(proposedBy)) {
            Changed accepted = match.accept(proposedBy, clock);
            events.addAll(accepted.events());
            match = accepted.match();
        }
        return new Changed(match, events);
    }

    Changed accept(String memberId, Clock clock) {
        Instant now = Instant.now(clock);
        requireAnswerable(memberId, now);
        Answer giver = memberId.equals(giverId) ? Answer.ACCEPTED : giverAnswer;
        Answer receiver = memberId.equals(receiverId) ? Answer.ACCEPTED : receiverAnswer;
        List<DomainEvent> events = new ArrayList<>();
        boolean both = giver == Answer.ACCEPTED && receiver == Answer.ACCEPTED;
        events.add(new MatchAccepted(UUID.randomUUID(), now, timebankId, id, memberId, giverId, receiverId, proposedBy,
                both, null));
        Status next = status;
        if (both) {
            next = Status.AGREED;
            events.add(new MatchAgreed(UUID.randomUUID(), now, timebankId, id, giverId, receiverId, offerListingId,
                    needListingId, estimatedMinutes, null));
        }
        return new Changed(new Match(id, timebankId, giverId, receiverId, offerListingId, needListingId, proposedBy, via,
                estimatedMinutes, score, giver, receiver, next, proposedAt, expiresAt, closedAt, contributionId, version,
                activity, closedReason),
                events);
    }

    Changed decline(String memberId, String reason, Clock clock) {
        Instant now = Instant.now(clock);
        requireAnswerable(memberId, now);
        Answer giver = memberId.equals(giverId) ? Answer.DECLINED : giverAnswer;
        Answer receiver = memberId.equals(receiverId) ? Answer.DECLINED : receiverAnswer;
        return new Changed(new Match(id, timebankId, giverId, receiverId, offerListingId, needListingId, proposedBy, via,
                estimatedMinutes, score, giver, receiver, Status.DECLINED, proposedAt, expiresAt, now, contributionId,
                version, activity, blankToNull(reason)), List.of(new MatchDeclined(UUID.randomUUID(), now, timebankId, id,
                memberId, giverId, receiverId, null)));
    }

    /** Either side or a coordinator calls it off, before any time is logged against it. */
    Changed cancel(String by, String reason, Clock clock) {
        if (!isOpen()) {
            throw new Refused(MatchingRefusal.MATCH_CLOSED.with("state", words()));
        }
        Instant now = Instant.now(clock);
        return new Changed(with(Status.CANCELLED, now, contributionId, blankToNull(reason)),
                List.of(new MatchCancelled(UUID.randomUUID(), now, timebankId, id, by, giverId, receiverId, null)));
    }

    /** The ledger validated a contribution naming this match. A repeat report changes nothing. */
    Changed complete(String contribution, long minutes, Clock clock) {
        if (status == Status.COMPLETED) {
            return new Changed(this, List.of());
        }
        if (status != Status.AGREED) {
            throw new Refused(MatchingRefusal.MATCH_NOT_AGREED.with("state", words()));
        }
        Instant now = Instant.now(clock);
        return new Changed(with(Status.COMPLETED, now, contribution), List.of(new MatchCompleted(UUID.randomUUID(), now,
                timebankId, id, contribution, giverId, receiverId, minutes)));
    }

    Changed expire(Instant now) {
        if (!isDue(now)) {
            throw new Refused(MatchingRefusal.MATCH_NOT_DUE.with("matchId", id));
        }
        return new Changed(with(Status.EXPIRED, now, contributionId), List.of(new MatchExpired(UUID.randomUUID(), now,
                timebankId, id, giverId, receiverId)));
    }

    boolean isDue(Instant now) {
        return status == Status.PROPOSED && !expiresAt.isAfter(now);
    }

    private void requireAnswerable(String memberId, Instant now) {
        if (!involves(memberId)) {
            throw new Refused(MatchingRefusal.NOT_A_SIDE);
        }
        if (status != Status.PROPOSED) {
            throw new Refused(MatchingRefusal.NOTHING_TO_ANSWER.with("state", words()));
        }
        if (!expiresAt.isAfter(now)) {
            throw new Refused(MatchingRefusal.PROPOSAL_EXPIRED);
        }
        Answer mine = memberId.equals(giverId) ? giverAnswer : receiverAnswer;
        if (mine != Answer.PENDING) {
            throw new Refused(MatchingRefusal.ALREADY_ANSWERED);
        }
    }

    private Match with(Status next, Instant closed, String contribution) {
        return with(next, closed, contribution, closedReason);
    }

    private Match with(Status next, Instant closed, String contribution, String reason) {
        return new Match(id, timebankId, giverId, receiverId, offerListingId, needListingId, proposedBy, via,
                estimatedMinutes, score, giverAnswer, receiverAnswer, next, proposedAt, expiresAt, closed, contribution,
                version, activity, reason);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private String words() {
        return status.name(); // the bundles word it (state.OPEN=open)
    }
}
