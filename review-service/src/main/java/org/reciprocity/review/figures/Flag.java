package org.reciprocity.review.figures;

/** Something on a member's row a coordinator can act on. */
public enum Flag {
    /** Received much in the period and gave nothing in it: perhaps ask what they would like to offer. */
    RECEIVED_MUCH_NEVER_GAVE,
    /** Gave much in the period and received nothing in it: perhaps offer them something back. */
    GAVE_MUCH_NEVER_RECEIVED,
    /** A contribution of theirs has waited for a validation longer than the threshold. */
    LONG_WAIT_FOR_VALIDATION,
    /** Their balance is past the timebank's warning threshold of its latest warning. */
    NEAR_LIMIT
}
