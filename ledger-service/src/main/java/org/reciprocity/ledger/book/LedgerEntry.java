package org.reciprocity.ledger.book;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.reciprocity.contracts.ledger.TransferReason;

/**
 * One posted transfer, for good: the {@code debit} account gives {@code minutes} to the
 * {@code credit} account. Entries are never edited or deleted; a correction is a new entry. Each
 * carries the SHA-256 of its content and of the previous entry of its timebank, so any later edit
 * breaks the chain at that entry. Opaque ids only: no personal data.
 *
 * @param releasedPending pending minutes this entry settles (a validated contribution's logged
 *                        minutes, which may differ from {@code minutes} when a dispute amended them)
 */
public record LedgerEntry(String timebankId, long sequence, String transferId, String debitAccountId,
                          String creditAccountId, long minutes, TransferReason reason, String contributionId,
                          String reversesTransferId, long releasedPending, long debitBalanceAfter,
                          long creditBalanceAfter, Instant postedAt, String previousHash, String hash) {

    /** The hash of the empty chain, before a timebank's first entry. */
    public static final String GENESIS = "0".repeat(64);

    static LedgerEntry next(ChainHead head, String transferId, String debit, String credit, long minutes,
                            TransferReason reason, String contributionId, String reverses, long releasedPending,
                            long debitAfter, long creditAfter, Instant postedAt) {
        LedgerEntry unsigned = new LedgerEntry(head.timebankId(), head.sequence() + 1, transferId, debit, credit,
                minutes, reason, contributionId, reverses, releasedPending, debitAfter, creditAfter, postedAt,
                head.hash(), null);
        return unsigned.withHash(unsigned.computeHash());
    }

    /** SHA-256 over every field but the hash itself, in a fixed order, with the previous hash. */
    public String computeHash() {
        String content = String.join("|", timebankId, Long.toString(sequence), transferId, debitAccountId,
                creditAccountId, Long.toString(minutes), String.valueOf(reason), String.valueOf(contributionId),
                String.valueOf(reversesTransferId), Long.toString(releasedPending), Long.toString(debitBalanceAfter),
                Long.toString(creditBalanceAfter), postedAt.toString(), previousHash);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    LedgerEntry withHash(String newHash) {
        return new LedgerEntry(timebankId, sequence, transferId, debitAccountId, creditAccountId, minutes, reason,
                contributionId, reversesTransferId, releasedPending, debitBalanceAfter, creditBalanceAfter, postedAt,
                previousHash, newHash);
    }
}
