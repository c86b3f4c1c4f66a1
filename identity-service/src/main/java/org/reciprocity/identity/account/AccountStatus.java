package org.reciprocity.identity.account;

/** Where a person's sign-in stands. LOCKED is not stored: it is a time window (see {@link Account#lockedUntil}). */
public enum AccountStatus {
    INVITED, ACTIVE, SUSPENDED
}
