package org.reciprocity.ledger.retention;

import java.time.Duration;
import java.time.Instant;

import org.reciprocity.ledger.member.MemberStatus;

/**
 * When a member who left is erased (issue 18, docs/personal-data.md 3.4): a member who left is
 * {@link MemberStatus#SUSPENDED}, and is due once their suspension is strictly older than the
 * timebank's {@code leftMembersDays}; a member suspended exactly that long ago stays one more day.
 * A suspension without a date (before {@code statusChangedAt} was kept) is never due: nobody is
 * erased on a guess. Pure: it depends on its arguments only.
 */
final class LeftMemberRule {

    private LeftMemberRule() {
    }

    static boolean due(MemberStatus status, Instant statusChangedAt, RetentionPolicy policy, Instant now) {
        return status == MemberStatus.SUSPENDED && statusChangedAt != null
                && statusChangedAt.isBefore(now.minus(Duration.ofDays(policy.leftMembersDays())));
    }
}
