package org.reciprocity.notification.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.notification.message.Notices;

class MonthlyActivityTest {

    static final YearMonth OCTOBER = YearMonth.parse("2026-10");
    static final String SAM = "sam", ALI = "ali", CAFE = "org-cafe";

    final MonthlyActivity samsOctober = MonthlyActivity.none(SAM, "tb", OCTOBER);

    @Test
    void timeGivenIsCountedForTheGiverWithTheBalanceAfter() {
        MonthlyActivity after = samsOctober.with(contribution(1, ALI, SAM, 90, -90, 90));

        assertThat(after.minutesGiven()).isEqualTo(90);
        assertThat(after.minutesReceived()).isZero();
        assertThat(after.contributionsValidated()).isEqualTo(1);
        assertThat(after.balanceAtEnd()).isEqualTo(90);
        assertThat(after.hadActivity()).isTrue();
    }

    @Test
    void timeReceivedIsCountedForTheReceiverAndTheBalanceIsTheLastOneOfTheMonth() {
        MonthlyActivity after = samsOctober
                .with(contribution(1, ALI, SAM, 60, -60, 60))
                .with(contribution(2, SAM, ALI, 150, -90, 90));

        assertThat(after.minutesGiven()).isEqualTo(60);
        assertThat(after.minutesReceived()).isEqualTo(150);
        assertThat(after.contributionsValidated()).isEqualTo(2);
        assertThat(after.balanceAtEnd()).isEqualTo(-90);
    }

    @Test
    void aTransferCountedAlreadyOrAnOlderOneReplayedChangesNothing() {
        TransferPosted first = contribution(1, ALI, SAM, 60, -60, 60);
        TransferPosted second = contribution(2, ALI, SAM, 30, -90, 90);
        MonthlyActivity after = samsOctober.with(first).with(second);

        assertThat(after.with(second)).isSameAs(after);
        assertThat(after.with(first)).isSameAs(after);
        assertThat(after.minutesGiven()).isEqualTo(90);
    }

    @Test
    void aTransferArrivingAfterALaterOneIsStillCountedAndTheBalanceStaysTheLatest() {
        TransferPosted first = contribution(1, ALI, SAM, 60, -60, 60);
        TransferPosted second = contribution(2, ALI, SAM, 30, -90, 90);

        MonthlyActivity after = samsOctober.with(second).with(first);

        assertThat(after.minutesGiven()).isEqualTo(90);
        assertThat(after.contributionsValidated()).isEqualTo(2);
        assertThat(after.balanceAtEnd()).isEqualTo(90);
        assertThat(after.with(first)).isSameAs(after);
    }

    @Test
    void spendingHoursMovesTheBalanceButIsNotTimeReceivedTogether() {
        TransferPosted redeemed = new TransferPosted(UUID.randomUUID(), Instant.parse("2026-10-20T10:00:00Z"), "tb",
                "x-1", SAM, CAFE, 120, TransferReason.REDEMPTION, -120, 120, null, null, 3, "h");

        MonthlyActivity after = samsOctober.with(redeemed);

        assertThat(after.minutesReceived()).isZero();
        assertThat(after.contributionsValidated()).isZero();
        assertThat(after.balanceAtEnd()).isEqualTo(-120);
        assertThat(after.hadActivity()).isTrue();
    }

    @Test
    void aMonthWithoutTransfersHadNoActivity() {
        assertThat(samsOctober.hadActivity()).isFalse();
    }

    @Test
    void refusesATransferOfSomeoneElsesAccount() {
        assertThatThrownBy(() -> samsOctober.with(contribution(1, ALI, CAFE, 60, -60, 60)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStatementCarriesFactsInWholeMinutesNotWords() {
        MonthlyActivity after = samsOctober.with(contribution(1, ALI, SAM, 90, -90, 90));

        assertThat(after.statementParams()).containsEntry(Notices.MONTH, "2026-10").containsEntry(Notices.GIVEN, "90")
                .containsEntry(Notices.RECEIVED, "0").containsEntry(Notices.VALIDATED, "1")
                .containsEntry(Notices.BALANCE, "90");
    }

    /** {@code receiver} is debited, {@code giver} credited, as the ledger posts a validated contribution. */
    static TransferPosted contribution(long sequence, String receiver, String giver, long minutes, long receiverAfter,
            long giverAfter) {
        return new TransferPosted(UUID.randomUUID(), Instant.parse("2026-10-10T10:00:00Z"), "tb", "c:" + sequence,
                receiver, giver, minutes, TransferReason.CONTRIBUTION, receiverAfter, giverAfter, "c-" + sequence, null,
                sequence, "hash-" + sequence);
    }
}
