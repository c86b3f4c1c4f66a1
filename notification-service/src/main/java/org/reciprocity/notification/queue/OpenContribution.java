package org.reciprocity.notification.queue;

import java.time.Instant;

/**
 * A contribution as a coordinator's queue sees it: waiting for validation since it was logged, or
 * disputed since then, or closed (validated, resolved, rejected, withdrawn or expired).
 *
 * @param minutes 0 when the contribution was only seen disputed (its log came before this service)
 */
public record OpenContribution(String contributionId, String timebankId, String giverId, String receiverId,
                               long minutes, Instant loggedAt, State state, Instant disputedAt) {

    public enum State { WAITING, DISPUTED, CLOSED }

    public boolean involves(String memberId) {
        return memberId.equals(giverId) || memberId.equals(receiverId);
    }
}
