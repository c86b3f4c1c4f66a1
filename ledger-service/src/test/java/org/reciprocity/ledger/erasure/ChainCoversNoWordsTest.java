package org.reciprocity.ledger.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reciprocity.ledger.book.Contribution;
import org.reciprocity.ledger.book.LedgerEntry;

/**
 * Issue 18: an erasure blanks the words of contributions (description, note) wherever they are kept,
 * the copies inside ledger entries included. That is safe for the hash chain only because an entry's
 * hash is over the entry's own fields, and an entry holds no words: ids, minutes, balances, time.
 */
class ChainCoversNoWordsTest {

    @Test
    void aLedgerEntryAndSoItsHashHoldNoneOfTheWordsAnErasureBlanks() {
        List<String> entryFields = Arrays.stream(LedgerEntry.class.getRecordComponents()).map(RecordComponent::getName)
                .toList();
        List<String> contributionFields = Arrays.stream(Contribution.class.getRecordComponents())
                .map(RecordComponent::getName).toList();

        assertThat(contributionFields).as("the words an erasure blanks exist").containsAll(LedgerErasureSteps.WORDS);
        assertThat(entryFields).doesNotContainAnyElementsOf(LedgerErasureSteps.WORDS)
                .as("the embedded contributions sit beside the entry, outside it").doesNotContain("contributions", "offer");
    }
}
