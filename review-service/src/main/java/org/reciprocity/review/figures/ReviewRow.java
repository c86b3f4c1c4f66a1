package org.reciprocity.review.figures;

import java.time.Instant;
import java.util.Set;

import org.reciprocity.review.facts.PartyKind;

/**
 * A member's line in the reciprocity review.
 *
 * @param kind               the member's kind now
 * @param givenMinutes       time given in the period (contributions, net of reversals)
 * @param receivedMinutes    time received in the period
 * @param balanceMinutes     the account's balance now
 * @param reciprocityPercent the share of the period's hours the member gave, in whole percent
 *                           (50 is even); {@code null} when no hour moved
 * @param lastActivity       the member's latest ledger entry in the period, or {@code null}
 * @param waitingValidations contributions of theirs waiting for a validation now
 * @param waitingSince       when the oldest of those was logged, or {@code null}
 */
public record ReviewRow(String memberId, String name, PartyKind kind, boolean suspended, long givenMinutes,
                        long receivedMinutes, long balanceMinutes, Integer reciprocityPercent, Instant lastActivity,
                        int waitingValidations, Instant waitingSince, Set<Flag> flags) {

    public ReviewRow {
        flags = Set.copyOf(flags);
    }
}
