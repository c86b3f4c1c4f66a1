package org.reciprocity.ledger.record;

import java.time.Instant;
import java.time.LocalDate;

import org.reciprocity.contracts.contribution.CoproductionKind;

/**
 * One validated contribution the member gave, as a record may show it: no description, no note, no
 * name of the person helped.
 *
 * @param minutes     the minutes posted (what the validation, or a resolved dispute, settled)
 * @param validatedAt when the ledger posted it
 */
record GivenTime(CoproductionKind kind, long minutes, LocalDate happenedOn, Instant validatedAt, Validator validatedBy) {

    /** Who said it happened, as a role: a record never names the other person. */
    enum Validator {
        /** The member who received the help (or who logged it, when the giver confirmed it). */
        ANOTHER_MEMBER,
        /** Staff listed by the organisation that received the time. */
        ORGANISATION_STAFF,
        /** A coordinator of the timebank (a group register, a dispute resolved, or a log for someone). */
        COORDINATOR;

        /**
         * The role of whoever stands for the contribution besides the giver. Logged by the receiver
         * and confirmed by the giver, the receiver's word is the outside one; else whoever validated.
         */
        static Validator of(String giverId, String receiverId, boolean loggedByReceiver, String decidedBy,
                            boolean receiverIsOrganisation, boolean decidedByReceiverStaff) {
            boolean receiverAttests = decidedBy != null && decidedBy.equals(receiverId)
                    || loggedByReceiver && giverId.equals(decidedBy);
            if (receiverIsOrganisation) {
                return receiverAttests || decidedByReceiverStaff ? ORGANISATION_STAFF : COORDINATOR;
            }
            return receiverAttests ? ANOTHER_MEMBER : COORDINATOR;
        }
    }
}
