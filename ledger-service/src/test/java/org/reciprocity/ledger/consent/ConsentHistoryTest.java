package org.reciprocity.ledger.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.contracts.consent.Consent.EMAIL_ME;
import static org.reciprocity.contracts.consent.Consent.SUPPORTER_MAY_LOG;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.consent.ConsentHow;

/** The consent rules (issue 18): newest change wins, saving the same answer records nothing, never asked is neither. */
class ConsentHistoryTest {

    static final Instant MONDAY = Instant.parse("2026-11-30T10:00:00Z");
    static final Instant TUESDAY = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aConsentNeverAskedIsNeitherGivenNorWithdrawn() {
        ConsentHistory none = ConsentHistory.empty();

        assertThat(none.isGiven(SUPPORTER_MAY_LOG)).isFalse();
        assertThat(none.isWithdrawn(SUPPORTER_MAY_LOG)).isFalse();
        assertThat(none.currents()).isEmpty();
        assertThat(none.version()).isZero();
    }

    @Test
    void theNewestChangeOfAConsentIsItsStateAndTheHistoryKeepsWhenAndHow() {
        ConsentHistory history = ConsentHistory.empty()
                .with(ConsentHistory.empty().change(SUPPORTER_MAY_LOG, true, ConsentHow.PAPER, "coordinator-1", MONDAY)
                        .orElseThrow());
        history = history.with(history.change(EMAIL_ME, true, ConsentHow.PAGE, "sam", MONDAY).orElseThrow());
        history = history.with(history.change(SUPPORTER_MAY_LOG, false, ConsentHow.PAGE, "sam", TUESDAY).orElseThrow());

        assertThat(history.isWithdrawn(SUPPORTER_MAY_LOG)).isTrue();
        assertThat(history.isGiven(EMAIL_ME)).isTrue();
        assertThat(history.current(SUPPORTER_MAY_LOG).orElseThrow())
                .isEqualTo(new ConsentHistory.Change(SUPPORTER_MAY_LOG, false, TUESDAY, ConsentHow.PAGE, "sam"));
        assertThat(history.changes()).extracting(ConsentHistory.Change::how)
                .containsExactly(ConsentHow.PAPER, ConsentHow.PAGE, ConsentHow.PAGE);
        assertThat(history.version()).isEqualTo(3);
    }

    @Test
    void savingWhatIsAlreadySoChangesNothingAndKeepsTheFirstDate() {
        ConsentHistory given = ConsentHistory.empty()
                .with(ConsentHistory.empty().change(EMAIL_ME, true, ConsentHow.PAGE, "sam", MONDAY).orElseThrow());

        assertThat(given.change(EMAIL_ME, true, ConsentHow.PAGE, "sam", TUESDAY)).isEmpty();
        assertThat(given.change(EMAIL_ME, false, ConsentHow.PAGE, "sam", TUESDAY)).isPresent();
        assertThat(given.current(EMAIL_ME).orElseThrow().at()).isEqualTo(MONDAY);
    }

    @Test
    void withdrawingAConsentNeverAskedIsRecorded() {
        // "no" is an answer: it makes the consent withdrawn, which refuses what "not asked" would let through
        assertThat(ConsentHistory.empty().change(SUPPORTER_MAY_LOG, false, ConsentHow.PAGE, "sam", MONDAY)).isPresent();
    }
}
