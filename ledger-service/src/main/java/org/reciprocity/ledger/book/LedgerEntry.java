package org.reciprocity.ledger.book;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.reciprocity.contracts.ledger.TransferReason;

/**
 * One posted transfer, for good: the {@code debit} account gives {@code minutes} to the
 * {@code credit} account. Entries are never edited or deleted; a correction is a new entry. Each
 * carries the SHA-256 of its content and of the previous entry of its timebank, so any later edit
 * breaks the chain at that entry. Opaque ids only: no personal data.
 *
 * <p>How the content is hashed is the entry's {@code hashVersion}: entries posted before version 2
 * (stored without the field, read as 0) joined their fields with {@code |}, which a field holding
 * {@code |} could make ambiguous; they keep verifying as they were written (read back without the
 * field, they are version 1). New entries are
 * {@link #CURRENT_HASH_VERSION}: the fields in {@link Canonical}'s length-prefixed encoding.
 *
 * @param releasedPending pending minutes this entry settles (a validated contribution's logged
 *                        minutes, which may differ from {@code minutes} when a dispute amended them)
 */
public record LedgerEntry(String timebankId, long sequence, String transferId, String debitAccountId,
                          String creditAccountId, long minutes, TransferReason reason, String contributionId,
                          String reversesTransferId, long releasedPending, long debitBalanceAfter,
                          long creditBalanceAfter, Instant postedAt, String previousHash, String hash,
                          Integer hashVersion) {

    /** The hash of the empty chain, before a timebank's first entry. */
    public static final String GENESIS = "0".repeat(64);
    /** The hash version of entries posted now. */
    public static final int CURRENT_HASH_VERSION = 2;
    /** The first field of a version 2 entry's encoding. */
    static final String V2_KIND = "reciprocity.ledger-entry.v2";

    public LedgerEntry {
        if (hashVersion == null) {
            hashVersion = 1;
        }
    }

    static LedgerEntry next(ChainHead head, String transferId, String debit, String credit, long minutes,
                            TransferReason reason, String contributionId, String reverses, long releasedPending,
                            long debitAfter, long creditAfter, Instant postedAt) {
        LedgerEntry unsigned = new LedgerEntry(head.timebankId(), head.sequence() + 1, transferId, debit, credit,
                minutes, reason, contributionId, reverses, releasedPending, debitAfter, creditAfter, postedAt,
                head.hash(), null, CURRENT_HASH_VERSION);
        return unsigned.withHash(unsigned.computeHash());
    }

    /** SHA-256 over every field but the hash itself, in a fixed order, with the previous hash, as its version says. */
    public String computeHash() {
        return switch (hashVersion) {
            case 0, 1 -> hashV1();
            case CURRENT_HASH_VERSION -> hashV2();
            default -> throw new IllegalStateException("unknown hash version " + hashVersion);
        };
    }

    /** Whether this ledger knows how to hash an entry of this version. */
    boolean knownHashVersion() {
        return hashVersion >= 0 && hashVersion <= CURRENT_HASH_VERSION;
    }

    /** Version 2: every field length-prefixed ({@link Canonical}), the posting time as epoch milliseconds. */
    private String hashV2() {
        return Canonical.of(V2_KIND).text(timebankId).number(sequence).text(transferId).text(debitAccountId)
                .text(creditAccountId).number(minutes).text(reason == null ? null : reason.name())
                .text(contributionId).text(reversesTransferId).number(releasedPending).number(debitBalanceAfter)
                .number(creditBalanceAfter).number(postedAt.toEpochMilli()).text(previousHash).sha256();
    }

    /** Version 1, as entries posted before version 2 were hashed: the fields joined with "|". */
    private String hashV1() {
        String content = String.join("|", timebankId, Long.toString(sequence), transferId, debitAccountId,
                creditAccountId, Long.toString(minutes), String.valueOf(reason), String.valueOf(contributionId),
                String.valueOf(reversesTransferId), Long.toString(releasedPending), Long.toString(debitBalanceAfter),
                Long.toString(creditBalanceAfter), postedAt.toString(), previousHash);
        return Canonical.sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    LedgerEntry withHash(String newHash) {
        return new LedgerEntry(timebankId, sequence, transferId, debitAccountId, creditAccountId, minutes, reason,
                contributionId, reversesTransferId, releasedPending, debitBalanceAfter, creditBalanceAfter, postedAt,
                previousHash, newHash, hashVersion);
    }
}
