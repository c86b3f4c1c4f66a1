package org.reciprocity.ledger.contribution;

import java.time.Instant;
import java.time.LocalDate;

import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.ledger.book.Contribution;
import org.reciprocity.ledger.book.ContributionState;

/** A contribution as the API shows it. */
public record ContributionResponse(String id, String giverId, String receiverId, LoggedBy loggedBy, String actorId,
                                   String onBehalfOf, String awaitingValidationBy, long minutes, LocalDate happenedOn,
                                   CoproductionKind kind, String description, String matchId, String groupActivityId,
                                   ContributionState state, Instant loggedAt, Instant validationDeadline,
                                   String decidedBy, String note, String transferId, long postedMinutes,
                                   String reversedBy, String reversalReason) {

    /** The contribution as it stands; {@code reversedBy} is left null (see {@link #reversedBy(String)}). */
    public static ContributionResponse of(Contribution c) {
        return new ContributionResponse(c.id(), c.giverId(), c.receiverId(), c.side(), c.actorId(), c.onBehalfOf(),
                c.state() == ContributionState.LOGGED ? c.counterpart() : null, c.minutes(), c.happenedOn(), c.kind(),
                c.description(), c.matchId(), c.groupActivityId(), c.state(), c.loggedAt(), c.deadline(), c.decidedBy(),
                c.note(), c.transferId(), c.postedMinutes(), null, null);
    }

    /**
     * The same, saying which transfer reversed this one's, so a coordinator is not offered to reverse it
     * again (the ledger would answer with the first reversal; the page should not ask).
     */
    public ContributionResponse reversedBy(String reversalTransferId) {
        return reversedBy(reversalTransferId, null);
    }

    /**
     * The same with the coordinator's reason for the reversal (issue 18: kept by the ledger, not on the
     * topic), read by whom may read the contribution.
     */
    public ContributionResponse reversedBy(String reversalTransferId, String reason) {
        return new ContributionResponse(id, giverId, receiverId, loggedBy, actorId, onBehalfOf, awaitingValidationBy,
                minutes, happenedOn, kind, description, matchId, groupActivityId, state, loggedAt, validationDeadline,
                decidedBy, note, transferId, postedMinutes, reversalTransferId, reason);
    }
}
