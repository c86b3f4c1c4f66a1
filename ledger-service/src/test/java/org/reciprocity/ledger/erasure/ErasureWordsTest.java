package org.reciprocity.ledger.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reciprocity.testsupport.words.BundleCheck;

/** Issue 18: the erasure's refusals read plainly in English and French, like every ledger refusal. */
class ErasureWordsTest {

    @Test
    void everyErasureRefusalReadsPlainlyInBothLanguages() {
        BundleCheck check = BundleCheck.of("org/reciprocity/ledger/erasure/ErasureRefusal", key -> false);

        System.out.println("[words] " + check.summary());
        assertThat(check.findings()).isEmpty();
        assertThat(check.textsChecked()).isGreaterThanOrEqualTo(2 * ErasureRefusal.values().length);
    }
}
