package org.reciprocity.contracts.ledger;

/** Why minutes moved between two accounts. */
public enum TransferReason {
    /** A validated contribution: the receiver's account is debited, the giver's credited. */
    CONTRIBUTION,
    /** A member spent minutes on an organisation's offer. */
    REDEMPTION,
    /** A member gave minutes to another member or to the community pot. */
    GIFT,
    /** A coordinator's correction, reversing an earlier transfer. */
    REVERSAL
}
