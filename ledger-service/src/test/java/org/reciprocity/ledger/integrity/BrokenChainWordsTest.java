package org.reciprocity.ledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.reciprocity.ledger.book.ChainVerification;

/** How a verification's outcome words what broke. */
class BrokenChainWordsTest {

    @Test
    void anIntactChainHasNoProblem() {
        assertThat(BrokenChainWords.of(new ChainVerification(true, 12, null, null, null, 1, null))).isNull();
    }

    @Test
    void anEntrysOwnFaultNamesTheEntry() {
        ChainVerification walk = new ChainVerification(false, 16, 17L, "c:abc",
                "its content does not match its hash: it was changed after it was posted", 0, null);

        assertThat(BrokenChainWords.of(walk))
                .isEqualTo("Entry 17: its content does not match its hash: it was changed after it was posted.");
    }

    @Test
    void aCheckpointsDisagreementIsAlreadyASentenceAndKeptAsItIs() {
        String sentence = "The checkpoint taken at 2026-11-25T09:30:00Z recorded 5 entries, but the ledger now has only 3:"
                + " entries were removed after that checkpoint was taken.";
        ChainVerification walk = new ChainVerification(false, 3, 5L, null, sentence, 1,
                new ChainVerification.Anchor(5, "ab".repeat(32), Instant.parse("2026-11-25T09:30:00Z")));

        assertThat(BrokenChainWords.of(walk)).isEqualTo(sentence);
    }
}
