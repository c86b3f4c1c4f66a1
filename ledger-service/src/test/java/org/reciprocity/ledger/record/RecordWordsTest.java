package org.reciprocity.ledger.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

/** Every refusal about a contribution record has words in English and in French, and they differ. */
class RecordWordsTest {

    @Test
    void everyRecordRefusalIsWordedInBothLanguages() {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        ResourceBundle en = ResourceBundle.getBundle("org.reciprocity.ledger.record.RecordRefusal", Locale.ROOT, noFallback);
        ResourceBundle fr = ResourceBundle.getBundle("org.reciprocity.ledger.record.RecordRefusal", Locale.FRENCH, noFallback);
        for (RecordRefusal refusal : RecordRefusal.values()) {
            assertThat(en.getString(refusal.code())).as(refusal.code()).isNotBlank().endsWith(".");
            assertThat(fr.getString(refusal.code())).as(refusal.code()).isNotBlank().isNotEqualTo(en.getString(refusal.code()));
        }
    }
}
