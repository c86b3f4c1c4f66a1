package org.reciprocity.contracts.consent;

/** How a consent was given or withdrawn: what a coordinator or an auditor asks first. */
public enum ConsentHow {
    /** The member, on their own "Your data" page. */
    PAGE,
    /** A coordinator wrote down, on the member's behalf, what the member said or signed on paper. */
    PAPER,
    /** The one-click unsubscribe link of an e-mail (withdraws e-mail only). */
    UNSUBSCRIBE_LINK
}
