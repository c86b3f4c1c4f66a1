package org.reciprocity.notification;

import static org.reciprocity.kit.access.Relation.ADMIN;
import static org.reciprocity.kit.access.Relation.ANYONE;
import static org.reciprocity.kit.access.Relation.COORDINATOR;
import static org.reciprocity.kit.access.Relation.MEMBER;
import static org.reciprocity.kit.access.Relation.SELF;

import java.util.EnumSet;
import java.util.Set;

import org.reciprocity.kit.access.AccessRule;
import org.reciprocity.kit.access.Relation;

/**
 * Who may do what in notification-service, one line an endpoint. The inbox and the preferences are
 * always the caller's own: their paths name no member, so nobody can ask for another's. Contact
 * details (a recipient, the delivery log) are for the member themself and for the people who follow
 * up when a message does not arrive. Written out in {@code docs/architecture.md}, "Access and privacy".
 */
public enum NotificationAccess implements AccessRule {
    // action                   who may
    READ_OWN_INBOX            (MEMBER),
    COUNT_OWN_UNREAD          (MEMBER),
    MARK_OWN_INBOX_ITEM_READ  (MEMBER),
    FOLLOW_OWN_INBOX_LIVE     (MEMBER),
    READ_OWN_PREFERENCES      (MEMBER),
    CHANGE_OWN_PREFERENCES    (MEMBER),
    /** E-mail address, language, roles, suspended or paused: the member, and who follows up on failed messages. */
    READ_RECIPIENT            (SELF, COORDINATOR, ADMIN),
    /** Every member's deliveries, with the mail server's answer (which may quote an address). */
    READ_DELIVERY_LOG         (COORDINATOR, ADMIN),
    /** The link in every e-mail: its 256-bit token is the proof, so no sign-in. */
    ASK_TO_UNSUBSCRIBE        (ANYONE),
    UNSUBSCRIBE               (ANYONE),
    /** Who members can turn to (coordinators, a support line): shown in every e-mail, so any signed-in member may read it. */
    READ_TIMEBANK_CONTACT     (MEMBER),
    /** Setting the timebank's contact: its admin. */
    CHANGE_TIMEBANK_CONTACT   (ADMIN),
    /** The kit's list of this timebank's events the broker refused for good (ParkedEventsController). */
    PARKED_EVENTS_READ        (ADMIN),
    /** How many messages the retention job removed, per run (counts only: RetentionReportsController). */
    RETENTION_REPORTS_READ    (ADMIN),
    /** Issue 18: who looked at a member's contact details here (the kit's ReadsController). */
    LIST_READS                (SELF, ADMIN),
    /** Issue 18: everything held here about a member (their copy of their data): the member, and an admin. */
    READ_PERSONAL_DATA        (SELF, ADMIN);

    /** Issue 18: a coordinator's or admin's read of these is kept for the member to see ("who looked"). */
    private static final Set<NotificationAccess> SENSITIVE = EnumSet.of(READ_RECIPIENT, READ_DELIVERY_LOG, READ_PERSONAL_DATA);

    private final Set<Relation> allowed;

    NotificationAccess(Relation first, Relation... rest) {
        this.allowed = Set.copyOf(EnumSet.of(first, rest));
    }

    @Override
    public Set<Relation> allowed() {
        return allowed;
    }

    @Override
    public boolean sensitive() {
        return SENSITIVE.contains(this);
    }
}
