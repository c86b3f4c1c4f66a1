package org.reciprocity.matching.profile;

/**
 * In-process notice that a member's availability for matching may have changed (paused, resumed,
 * suspended, reactivated), so the board can take their listings off or put them back.
 */
public record ProfileChanged(String memberId) {
}
