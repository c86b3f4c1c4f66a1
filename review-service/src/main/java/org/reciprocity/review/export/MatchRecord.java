package org.reciprocity.review.export;

import java.time.Instant;

/**
 * A match as the matches' topic tells it, keyed {@code <timebank>|<match>}: who, which listings,
 * and the furthest state reached. Every state change is published, so this is exact. The merge is
 * order-free: what a proposal or an agreement says never changes (fill what is missing), the
 * agreement keeps its earliest time, and a state further on wins (proposed, agreed, then an end:
 * completed, declined, cancelled or expired; of two ends the earlier). No reasons (free text).
 */
record MatchRecord(String timebankId, String matchId, String giverId, String receiverId, String offerListingId,
                   String needListingId, String proposedVia, Long estimatedMinutes, Instant proposedAt,
                   Instant agreedAt, String state, Instant stateAt, String contributionId, Long minutes) {

    static final String PROPOSED = "PROPOSED";
    static final String AGREED = "AGREED";

    String id() {
        return timebankId + "|" + matchId;
    }

    MatchRecord merge(MatchRecord o) {
        boolean otherState = rank(o.state) > rank(state)
                || (rank(o.state) == rank(state) && (o.stateAt.isBefore(stateAt)
                || (o.stateAt.equals(stateAt) && o.state.compareTo(state) < 0)));
        return new MatchRecord(timebankId, matchId, or(giverId, o.giverId), or(receiverId, o.receiverId),
                or(offerListingId, o.offerListingId), or(needListingId, o.needListingId), or(proposedVia, o.proposedVia),
                or(estimatedMinutes, o.estimatedMinutes), or(proposedAt, o.proposedAt), earlier(agreedAt, o.agreedAt),
                otherState ? o.state : state, otherState ? o.stateAt : stateAt, or(contributionId, o.contributionId),
                or(minutes, o.minutes));
    }

    private static int rank(String state) {
        return switch (state) {
            case PROPOSED -> 0;
            case AGREED -> 1;
            default -> 2;
        };
    }

    private static <T> T or(T mine, T theirs) {
        return mine != null ? mine : theirs;
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isBefore(a) ? a : b;
    }
}
