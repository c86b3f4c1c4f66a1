package org.reciprocity.ledger.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.ledger.book.ChainVerification.Anchor;

/**
 * Issue 11, finding 4: entries are hashed over an unambiguous encoding, entries stored the old way
 * still verify, and a chain rewritten and recomputed in the database is caught against a checkpoint
 * kept outside it.
 */
class HashChainTest {

    static final Instant AT = Instant.parse("2026-11-30T10:15:30.123Z");

    @Test
    void twoEntriesThatCollideWhenJoinedWithABarDifferInTheLengthPrefixedEncoding() {
        LedgerEntry one = entry(1, "t|a", "b", null, 1);
        LedgerEntry other = entry(1, "t", "a|b", null, 1);

        assertThat(one.computeHash()).as("version 1 joins with |, so the two read the same").isEqualTo(other.computeHash());
        assertThat(asVersion(one, 2).computeHash()).isNotEqualTo(asVersion(other, 2).computeHash());
    }

    @Test
    void aMissingFieldDiffersFromTheTextNull() {
        LedgerEntry missing = entry(1, "t-1", "a", null, 1);
        LedgerEntry text = entry(1, "t-1", "a", "null", 1);

        assertThat(missing.computeHash()).isEqualTo(text.computeHash());
        assertThat(asVersion(missing, 2).computeHash()).isNotEqualTo(asVersion(text, 2).computeHash());
    }

    @Test
    void theEncodingPrefixesEachFieldWithItsLengthAndWritesNullAsMinusOne() {
        byte[] encoded = Canonical.of("k").text(null).text("é").number(42).bytes();

        assertThat(encoded).containsExactly(0, 0, 0, 1, 'k', -1, -1, -1, -1, 0, 0, 0, 2, (byte) 0xC3, (byte) 0xA9,
                0, 0, 0, 2, '4', '2');
    }

    @Test
    void newEntriesAreVersionTwo() {
        LedgerEntry posted = LedgerEntry.next(ChainHead.empty("riverside"), "t-1", "a", "b", 30,
                TransferReason.GIFT, null, null, 0, -30, 30, AT);

        assertThat(posted.hashVersion()).isEqualTo(LedgerEntry.CURRENT_HASH_VERSION);
        assertThat(posted.hash()).isEqualTo(posted.computeHash());
    }

    @Test
    void entriesStoredTheOldWayStillVerifyAndNewOnesFollowThem() {
        List<LedgerEntry> chain = chain(3, 0);
        chain.add(LedgerEntry.next(new ChainHead("riverside", 3, chain.get(2).hash()), "t-4", "a", "b", 10,
                TransferReason.GIFT, null, null, 0, -40, 40, AT));

        ChainVerification verified = ChainVerification.walk(chain.iterator());

        assertThat(verified.intact()).as(verified.problem()).isTrue();
        assertThat(verified.entriesChecked()).isEqualTo(4);
    }

    @Test
    void anEntryRewrittenToTheOldEncodingAfterNewOnesIsCaught() {
        List<LedgerEntry> chain = chain(3, 2);
        LedgerEntry third = chain.get(2);
        chain.set(2, asVersion(third, 1));

        ChainVerification verified = ChainVerification.walk(chain.iterator());

        assertThat(verified.intact()).isFalse();
        assertThat(verified.brokenAtSequence()).isEqualTo(3);
    }

    @Test
    void aChainThatHoldsItsCheckpointsVerifies() {
        List<LedgerEntry> chain = chain(5, 2);

        ChainVerification verified = ChainVerification.walk(chain.iterator(),
                List.of(anchor(chain, 2), anchor(chain, 5)));

        assertThat(verified.intact()).as(verified.problem()).isTrue();
        assertThat(verified.checkpointsChecked()).isEqualTo(2);
    }

    @Test
    void anEntryRewrittenWithTheChainRecomputedIsCaughtAgainstTheCheckpointAfterIt() {
        List<LedgerEntry> chain = chain(5, 2);
        List<Anchor> kept = List.of(anchor(chain, 2), anchor(chain, 4));
        List<LedgerEntry> rewritten = rewriteMinutes(chain, 3, 600);

        assertThat(ChainVerification.walk(rewritten.iterator()).intact())
                .as("the walk alone cannot see a recomputed chain").isTrue();
        ChainVerification verified = ChainVerification.walk(rewritten.iterator(), kept);

        assertThat(verified.intact()).isFalse();
        assertThat(verified.brokenAtSequence()).isEqualTo(4);
        assertThat(verified.brokenCheckpoint()).isEqualTo(kept.get(1));
        assertThat(verified.problem()).contains("from 3 to 4");
    }

    @Test
    void entriesRemovedAfterACheckpointAreCaught() {
        List<LedgerEntry> chain = chain(5, 2);
        Anchor kept = anchor(chain, 5);

        ChainVerification verified = ChainVerification.walk(chain.subList(0, 3).iterator(), List.of(kept));

        assertThat(verified.intact()).isFalse();
        assertThat(verified.brokenAtSequence()).isEqualTo(5);
        assertThat(verified.brokenCheckpoint()).isEqualTo(kept);
    }

    /** A chain of {@code length} gifts hashed as {@code version}. */
    static List<LedgerEntry> chain(int length, int version) {
        List<LedgerEntry> chain = new ArrayList<>();
        String previous = LedgerEntry.GENESIS;
        for (int i = 1; i <= length; i++) {
            LedgerEntry e = new LedgerEntry("riverside", i, "t-" + i, "a", "b", 10, TransferReason.GIFT, null, null, 0,
                    -10L * i, 10L * i, AT.plusSeconds(i), previous, null, version);
            e = e.withHash(e.computeHash());
            chain.add(e);
            previous = e.hash();
        }
        return chain;
    }

    /** What someone who can write the database does: changes one entry and recomputes every hash from it on. */
    static List<LedgerEntry> rewriteMinutes(List<LedgerEntry> chain, long sequence, long minutes) {
        List<LedgerEntry> rewritten = new ArrayList<>();
        String previous = LedgerEntry.GENESIS;
        for (LedgerEntry e : chain) {
            LedgerEntry changed = new LedgerEntry(e.timebankId(), e.sequence(), e.transferId(), e.debitAccountId(),
                    e.creditAccountId(), e.sequence() == sequence ? minutes : e.minutes(), e.reason(), e.contributionId(),
                    e.reversesTransferId(), e.releasedPending(), e.debitBalanceAfter(), e.creditBalanceAfter(),
                    e.postedAt(), previous, null, e.hashVersion());
            changed = changed.withHash(changed.computeHash());
            rewritten.add(changed);
            previous = changed.hash();
        }
        return rewritten;
    }

    private static Anchor anchor(List<LedgerEntry> chain, long sequence) {
        return new Anchor(sequence, chain.get((int) sequence - 1).hash(), AT.plusSeconds(3600 + sequence));
    }

    private static LedgerEntry entry(long sequence, String transferId, String debit, String contributionId, int version) {
        LedgerEntry e = new LedgerEntry("riverside", sequence, transferId, debit, "c", 30, TransferReason.CONTRIBUTION,
                contributionId, null, 30, -30, 30, AT, LedgerEntry.GENESIS, null, version);
        return e.withHash(e.computeHash());
    }

    private static LedgerEntry asVersion(LedgerEntry e, int version) {
        LedgerEntry changed = new LedgerEntry(e.timebankId(), e.sequence(), e.transferId(), e.debitAccountId(),
                e.creditAccountId(), e.minutes(), e.reason(), e.contributionId(), e.reversesTransferId(),
                e.releasedPending(), e.debitBalanceAfter(), e.creditBalanceAfter(), e.postedAt(), e.previousHash(),
                null, version);
        return changed.withHash(changed.computeHash());
    }
}
