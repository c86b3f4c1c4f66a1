package org.reciprocity.contracts.consent;

/**
 * The consents a member gives and withdraws from their own page (issue 18). Each is one act the
 * member can undo, and the service that acts on it hears of the change on the personal-data topic.
 */
public enum Consent {
    /** A supporter the member named may log hours for them (the ledger refuses it while withdrawn). */
    SUPPORTER_MAY_LOG,
    /** Members matched with them may see their accessibility needs (matching hides them while withdrawn). */
    SHOW_ACCESSIBILITY_TO_MATCHES,
    /** Messages may come by e-mail (notification keeps to the inbox while withdrawn). */
    EMAIL_ME,
    /** The member may share a signed record of their contributions (the ledger revokes issued ones on withdrawal). */
    SHARE_CONTRIBUTION_RECORD
}
