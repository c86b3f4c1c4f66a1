package org.reciprocity.review.figures;

import java.time.Instant;
import java.time.YearMonth;

import org.reciprocity.review.facts.PartyKind;

/**
 * Time given by one account to another, as the ledger counts it: a contribution's transfer
 * (credit is the giver, debit the receiver), or its reversal taking the same minutes back
 * ({@code minutes < 0}). Counted in the month the entry was posted; the kinds are the sides' kinds
 * when the contribution's transfer was posted.
 */
record Flow(YearMonth month, Instant at, String giver, String receiver, PartyKind giverKind, PartyKind receiverKind,
            long minutes, String contributionId) {
}
