package org.reciprocity.contracts;

import static org.reciprocity.contracts.Topics.IDENTITY;

import java.time.Duration;
import java.util.List;

import org.reciprocity.contracts.invitation.InvitationWithdrawn;
import org.reciprocity.contracts.invitation.MemberInvited;

/** The topics identity-service publishes and the event types on them. */
public final class IdentityContracts {

    /**
     * Kept as long as a welcome link lives (seven days), no longer: each record holds one, and a
     * link that no longer works is no use to anyone reading the topic later. Also compacted by member
     * ({@code compact,delete}): an erased member's invitation (their e-mail) is replaced by an
     * {@link InvitationWithdrawn} within the compaction lag, not kept the whole seven days.
     */
    public static final Topic INVITATIONS = new Topic(Topics.INVITATIONS_TOPIC, "memberId", 3, Duration.ofDays(7),
            IDENTITY, "Invitations to set up sign-in, each with its one-use welcome link, for notification-service to e-mail."
                    + " Kept seven days and compacted by member: an erased member's invitation is replaced by a"
                    + " withdrawal (ids only) within the compaction lag.",
            true);

    static final List<Topic> TOPICS = List.of(INVITATIONS);

    static final List<EventType> TYPES = List.of(
            new EventType("reciprocity.MemberInvited.v1", MemberInvited.class, INVITATIONS),
            new EventType("reciprocity.InvitationWithdrawn.v1", InvitationWithdrawn.class, INVITATIONS));

    private IdentityContracts() {
    }
}
