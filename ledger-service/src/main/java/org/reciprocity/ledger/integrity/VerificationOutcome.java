package org.reciprocity.ledger.integrity;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/**
 * The last verification of a timebank's hash chain, as kept in its one document (its
 * {@code ChainVerified} waits in the same document's outbox until published).
 *
 * @param intact             every entry matches its hash and link, and the checkpoints it was held against
 * @param ranAt              when the walk ended
 * @param entriesChecked     entries walked before the end, or before the first that failed
 * @param checkpointsChecked signed checkpoints the chain was held against
 * @param brokenAtSequence   the first entry that failed; null when intact
 * @param problem            why, in plain words; null when intact
 * @param requestedBy        the admin who asked for it; null when the schedule ran it
 */
public record VerificationOutcome(@Id String timebankId, boolean intact, Instant ranAt, long entriesChecked,
                                  int checkpointsChecked, Long brokenAtSequence, String problem, String requestedBy) {
}
