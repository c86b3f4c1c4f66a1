package org.reciprocity.ledger.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reciprocity.testsupport.words.BundleCheck;

/** Issue 18: the consent refusals read plainly in English and French, like every ledger refusal. */
class ConsentWordsTest {

    @Test
    void everyConsentRefusalReadsPlainlyInBothLanguages() {
        BundleCheck check = BundleCheck.of("org/reciprocity/ledger/consent/ConsentRefusal", key -> false);

        System.out.println("[words] " + check.summary());
        assertThat(check.findings()).isEmpty();
        assertThat(check.textsChecked()).isGreaterThanOrEqualTo(2 * ConsentRefusal.values().length);
    }
}
