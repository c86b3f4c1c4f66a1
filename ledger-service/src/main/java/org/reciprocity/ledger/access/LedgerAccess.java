package org.reciprocity.ledger.access;

import static org.reciprocity.kit.access.Relation.ADMIN;
import static org.reciprocity.kit.access.Relation.ANYONE;
import static org.reciprocity.kit.access.Relation.COORDINATOR;
import static org.reciprocity.kit.access.Relation.MEMBER;
import static org.reciprocity.kit.access.Relation.ORGANISATION_STAFF;
import static org.reciprocity.kit.access.Relation.PARTY;
import static org.reciprocity.kit.access.Relation.REVIEWER;
import static org.reciprocity.kit.access.Relation.SELF;
import static org.reciprocity.kit.access.Relation.SUPPORTER;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.reciprocity.kit.access.AccessRule;
import org.reciprocity.kit.access.Relation;

/**
 * Who may do what in the ledger: one line an endpoint. PARTY is the giver or receiver of the
 * contribution; SELF the member (or account) the path names; SUPPORTER someone that member named;
 * ORGANISATION_STAFF staff the organisation involved lists. Rules a path cannot tell (logging for
 * someone else, recording an organisation's group activity) are the ledger's own, refused with
 * their own codes as 403.
 */
public enum LedgerAccess implements AccessRule {
    OPEN_TIMEBANK(ADMIN),
    READ_TIMEBANK(MEMBER),
    READ_POLICY(MEMBER),
    SET_POLICY(ADMIN),
    // issue 18: how long the services keep messages, closed listings, match texts and plans
    READ_RETENTION_POLICY(ADMIN),
    SET_RETENTION_POLICY(ADMIN),
    /** The kit's reports of the ledger's retention job (members who left, erased or waiting): counts, never whose. */
    RETENTION_REPORTS_READ(ADMIN),

    REGISTER_MEMBER(COORDINATOR, ADMIN),
    READ_MEMBER(SELF, COORDINATOR, ADMIN),
    SUSPEND_MEMBER(COORDINATOR, ADMIN),
    REACTIVATE_MEMBER(COORDINATOR, ADMIN),
    LIST_SUPPORTERS(SELF, COORDINATOR, ADMIN),
    NAME_SUPPORTER(SELF, COORDINATOR, ADMIN),
    /** Consent is withdrawn by the member, by a coordinator for them, or by the supporter stepping down. */
    REMOVE_SUPPORTER(SELF, SUPPORTER, COORDINATOR, ADMIN),
    /** Issue 16: the members who named this one as their supporter (ids and names), for the supporter's own pages. */
    LIST_SUPPORTED(SELF, COORDINATOR, ADMIN),
    /** Issue 16: a coordinator's list of members (by name, a page at a time), their whole record, changes to details. */
    LIST_MEMBERS(COORDINATOR, ADMIN),
    READ_MEMBER_RECORD(COORDINATOR, ADMIN),
    EDIT_MEMBER(COORDINATOR, ADMIN),

    OPEN_ORGANISATION(COORDINATOR, ADMIN),
    /** Their names and ids only: what a member needs to spend hours on an organisation's offer. */
    LIST_ORGANISATIONS(MEMBER),
    SET_ORGANISATION_STAFF(COORDINATOR, ADMIN),
    /** An organisation whole: name, staff, offers and who changed them (for the admin pages). */
    READ_ORGANISATION(COORDINATOR, ADMIN),
    EDIT_ORGANISATION(ADMIN),
    /** Who changed the policy and the organisations, and when (the admin's audit page). */
    READ_ADMIN_AUDIT(ADMIN),

    /** The ledger checks who the caller logs for (themself, or with consent as supporter or coordinator). */
    LOG_CONTRIBUTION(MEMBER),
    READ_CONTRIBUTION(PARTY, SUPPORTER, ORGANISATION_STAFF, COORDINATOR, ADMIN),
    /** The ledger checks the rest: never the one who logged it; the other person, the organisation's staff. */
    CONFIRM_CONTRIBUTION(PARTY, ORGANISATION_STAFF, COORDINATOR, ADMIN),
    DISPUTE_CONTRIBUTION(PARTY),
    RESOLVE_DISPUTE(COORDINATOR, ADMIN),
    REJECT_DISPUTED(COORDINATOR, ADMIN),
    /** The ledger checks that the caller is who logged it. */
    WITHDRAW_CONTRIBUTION(PARTY, SUPPORTER, COORDINATOR, ADMIN),
    /** The ledger checks the caller is a coordinator or staff of the organisation named in the register. */
    RECORD_GROUP_ACTIVITY(MEMBER),
    CONFIRM_GROUP_ACTIVITY(ORGANISATION_STAFF, COORDINATOR, ADMIN),
    /** Issue 16: a coordinator's register, recorded and confirmed in one step (one change). */
    RECORD_AND_CONFIRM_GROUP_ACTIVITY(COORDINATOR, ADMIN),

    READ_ACCOUNT(SELF, ORGANISATION_STAFF, COORDINATOR, REVIEWER, ADMIN),
    LIST_ACCOUNTS(COORDINATOR, REVIEWER, ADMIN),
    READ_STATEMENT(SELF, SUPPORTER, COORDINATOR, REVIEWER, ADMIN),
    READ_PENDING_VALIDATIONS(SELF, SUPPORTER, COORDINATOR, ADMIN),
    REDEEM_HOURS(MEMBER),
    GIVE_HOURS(MEMBER),
    CORRECT_TRANSFER(COORDINATOR, ADMIN),
    VERIFY_LEDGER(REVIEWER, COORDINATOR, ADMIN),
    /** Signing the chain head now; the schedule does it at least daily anyway. */
    TAKE_CHECKPOINT(ADMIN),
    /** Issue 17: the outcome of the chain's scheduled verification, for those who answer for the records. */
    READ_VERIFICATION_OUTCOME(REVIEWER, COORDINATOR, ADMIN),
    /** Verifying now, recorded and published like the schedule's; the schedule does it every few hours anyway. */
    RUN_VERIFICATION(ADMIN),
    /** A public key is public: whoever kept checkpoints checks them without an account here. */
    READ_CHECKPOINT_KEYS(ANYONE),

    /** Disputes, contributions waiting past a reminder, balances near a limit (names as members see them). */
    READ_COORDINATOR_QUEUE(COORDINATOR, ADMIN),

    /** Issue 17: a member's signed contribution record, made, listed and withdrawn by the member only. */
    ISSUE_CONTRIBUTION_RECORD(SELF),
    LIST_CONTRIBUTION_RECORDS(SELF),
    REVOKE_CONTRIBUTION_RECORD(SELF),
    /** Whoever the member showed the code to reads the signed record and whether it was withdrawn. */
    READ_CONTRIBUTION_RECORD(ANYONE),
    /** The public keys that check records' signatures. */
    READ_CONTRIBUTION_RECORD_KEYS(ANYONE),

    /** Issue 18: a member's consents (given, withdrawn, when and how), read by the member and those who help them. */
    READ_CONSENTS(SELF, COORDINATOR, ADMIN),
    /** The member on their page; a coordinator only writes down a consent given on paper (how: PAPER). */
    RECORD_CONSENT(SELF, COORDINATOR),

    /** Issue 18: erasing a member (the register forgets them, every service follows), and following it. */
    ERASE_MEMBER(ADMIN),
    /** The member may follow their own request until they are erased (then they cannot sign in anyway). */
    READ_ERASURE_STATUS(SELF, ADMIN),
    /** A member asks for their data to be erased; an admin then erases them. */
    REQUEST_ERASURE(SELF),
    LIST_ERASURE_REQUESTS(ADMIN),
    /** Everything the ledger holds about a member, as stored (the right of access). */
    READ_PERSONAL_DATA(SELF, ADMIN),

    /** The kit's list of this timebank's events the broker refused for good (ParkedEventsController). */
    PARKED_EVENTS_READ(ADMIN),

    /** Issue 18: who looked at a member's details, statement and contributions (the kit's ReadsController). */
    LIST_READS(SELF, ADMIN);

    /**
     * Issue 18: reads of a member's own data. When a coordinator, staff member or admin (not the member,
     * a party, their supporter) reads under one of these, the kit keeps who, what, why and when.
     */
    private static final Set<LedgerAccess> SENSITIVE = EnumSet.of(READ_MEMBER, READ_MEMBER_RECORD, LIST_SUPPORTERS,
            LIST_SUPPORTED, READ_STATEMENT, READ_PENDING_VALIDATIONS, READ_CONTRIBUTION, READ_PERSONAL_DATA);

    private final Set<Relation> allowed;

    LedgerAccess(Relation... allowed) {
        this.allowed = EnumSet.copyOf(List.of(allowed));
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
