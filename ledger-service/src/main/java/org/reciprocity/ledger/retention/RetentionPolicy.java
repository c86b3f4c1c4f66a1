package org.reciprocity.ledger.retention;

import java.time.Clock;
import java.util.UUID;

import org.reciprocity.contracts.timebank.RetentionPolicyChanged;

/**
 * How long a timebank's services keep what they hold, in whole days (issue 18,
 * docs/personal-data.md 3.4). The ledger keeps it and announces it, and erases members who left
 * ({@link LeftMembersRetention}); matching and notification apply the rest; identity removes expired
 * links and tokens whatever it says.
 *
 * @param messagesDays            inbox items and deliveries, after they were sent
 * @param closedListingsDays      listings after they expired or were withdrawn
 * @param closedMatchActivityDays the free text of a closed match, after it closed
 * @param plansDays               coordinators' plans, after they were drafted
 * @param leftMembersDays         members who left (suspended), after their suspension: then erased
 */
public record RetentionPolicy(int messagesDays, int closedListingsDays, int closedMatchActivityDays, int plansDays,
                              int leftMembersDays) {

    /** The longest any period may be: ten years. */
    static final int LONGEST = 3650;

    public static final RetentionPolicy DEFAULTS = new RetentionPolicy(365, 365, 365, 90, 730);

    public RetentionPolicy {
        for (int days : new int[] {messagesDays, closedListingsDays, closedMatchActivityDays, plansDays, leftMembersDays}) {
            if (days < 1 || days > LONGEST) {
                throw new IllegalArgumentException("Each period is 1 to " + LONGEST + " days.");
            }
        }
    }

    RetentionPolicyChanged announced(String timebankId, String changedBy, Clock clock) {
        return new RetentionPolicyChanged(UUID.randomUUID(), clock.instant(), timebankId, messagesDays,
                closedListingsDays, closedMatchActivityDays, plansDays, leftMembersDays, changedBy);
    }
}
