package org.reciprocity.ledger.book;

import java.time.Instant;
import java.time.LocalDate;

import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;

/**
 * Time given by one member and received by another member or an organisation: logged by one side,
 * validated by the other (or a coordinator), never by whoever logged it. While open it is a pending
 * transfer counted against both accounts' limits.
 *
 * @param actorId    who made the entry: the logging member, their supporter or a coordinator
 * @param onBehalfOf the member the actor logged for, or {@code null}
 * @param minutes    the minutes logged (pending while open)
 * @param postedMinutes the minutes finally posted (a resolution may amend them), 0 until posted
 */
public record Contribution(String id, String timebankId, String giverId, String receiverId, LoggedBy side,
                           String actorId, String onBehalfOf, long minutes, LocalDate happenedOn,
                           CoproductionKind kind, String description, String matchId, String groupActivityId,
                           ContributionState state, Instant loggedAt, Instant deadline, int remindersSent,
                           String decidedBy, String note, String transferId, long postedMinutes) {

    /** The member on whose side it was logged (the one who said "I gave" or "I received"). */
    public String loggingMember() {
        return side == LoggedBy.GIVER ? giverId : receiverId;
    }

    /** The account asked to validate: the other side. */
    public String counterpart() {
        return side == LoggedBy.GIVER ? receiverId : giverId;
    }

    /** Whoever logged it, in person or on someone's behalf, may not validate it. */
    boolean wasLoggedBy(String memberId) {
        return memberId.equals(actorId) || memberId.equals(loggingMember());
    }

    public boolean isPartyTo(String memberId) {
        return memberId.equals(giverId) || memberId.equals(receiverId) || memberId.equals(actorId);
    }

    /** The transfer id a contribution posts under: one contribution, one transfer, ever. */
    public static String transferIdOf(String contributionId) {
        return "c:" + contributionId;
    }

    Contribution decided(ContributionState newState, String by, String withNote, long posted) {
        return new Contribution(id, timebankId, giverId, receiverId, side, actorId, onBehalfOf, minutes, happenedOn, kind,
                description, matchId, groupActivityId, newState, loggedAt, deadline, remindersSent, by, withNote,
                posted > 0 ? transferIdOf(id) : transferId, posted);
    }

    Contribution disputed(String by, String reason) {
        return new Contribution(id, timebankId, giverId, receiverId, side, actorId, onBehalfOf, minutes, happenedOn, kind,
                description, matchId, groupActivityId, ContributionState.DISPUTED, loggedAt, deadline, remindersSent,
                by, reason, transferId, postedMinutes);
    }

    Contribution reminded(int count) {
        return new Contribution(id, timebankId, giverId, receiverId, side, actorId, onBehalfOf, minutes, happenedOn, kind,
                description, matchId, groupActivityId, state, loggedAt, deadline, count, decidedBy, note, transferId,
                postedMinutes);
    }

    /** Same facts as another logging of it: a retry, not a second contribution. */
    boolean sameFactsAs(Contribution other) {
        return giverId.equals(other.giverId) && receiverId.equals(other.receiverId) && minutes == other.minutes
                && happenedOn.equals(other.happenedOn) && kind == other.kind && side == other.side;
    }
}
