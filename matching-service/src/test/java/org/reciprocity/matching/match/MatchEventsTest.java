package org.reciprocity.matching.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.match.MatchAccepted;
import org.reciprocity.contracts.match.MatchAgreed;
import org.reciprocity.contracts.match.MatchCancelled;
import org.reciprocity.contracts.match.MatchDeclined;
import org.reciprocity.contracts.match.MatchProposed;

/**
 * The events of a match carry what the messages to each side need: who proposed, and whether a yes
 * was the second one. Issue 18: the activity (the need's title, a member's words) stays in the match
 * and is read through the API; the events carry it as null, and no reason either.
 */
class MatchEventsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    static final String SAM = "sam", ALI = "ali";

    @Test
    void aMemberWhoAnswersAnOfferSaysYesWithTheProposalAndNoEventQuotesTheActivity() {
        Match.Changed proposed = Match.propose("tb", ALI, SAM, "offer-1", "need-1", SAM, Match.Via.MEMBER, 60, 80,
                "A walk on Tuesdays", Duration.ofDays(7), CLOCK);

        assertThat(proposed.events()).hasSize(2);
        assertThat(proposed.events().get(0)).isInstanceOfSatisfying(MatchProposed.class,
                e -> assertThat(e.activity()).isNull());
        assertThat(proposed.events().get(1)).isInstanceOfSatisfying(MatchAccepted.class, e -> {
            assertThat(e.acceptedBy()).isEqualTo(SAM);
            assertThat(e.proposedBy()).isEqualTo(SAM);
            assertThat(e.bothAccepted()).isFalse();
            assertThat(e.activity()).isNull();
        });

        Match.Changed agreed = proposed.match().accept(ALI, CLOCK);

        assertThat(agreed.events()).hasSize(2);
        assertThat(agreed.events().get(0)).isInstanceOfSatisfying(MatchAccepted.class, e -> {
            assertThat(e.acceptedBy()).isEqualTo(ALI);
            assertThat(e.bothAccepted()).isTrue();
        });
        assertThat(agreed.events().get(1)).isInstanceOfSatisfying(MatchAgreed.class,
                e -> assertThat(e.activity()).isNull());
        assertThat(agreed.match().activity()).isEqualTo("A walk on Tuesdays");
    }

    @Test
    void aFirstYesToACoordinatorsProposalIsNotTheSecond() {
        Match.Changed proposed = Match.propose("tb", ALI, SAM, "offer-1", "need-1", "coordinator-1",
                Match.Via.COORDINATOR, 60, 80, "A walk on Tuesdays", Duration.ofDays(7), CLOCK);

        assertThat(proposed.events()).hasSize(1);
        assertThat(proposed.match().accept(ALI, CLOCK).events()).singleElement()
                .isInstanceOfSatisfying(MatchAccepted.class, e -> {
                    assertThat(e.proposedBy()).isEqualTo("coordinator-1");
                    assertThat(e.bothAccepted()).isFalse();
                });
    }

    @Test
    void aDeclineOrACancellationCarriesNoReasonWhichStaysInTheMatch() {
        Match proposed = Match.propose("tb", ALI, SAM, "offer-1", "need-1", "coordinator-1", Match.Via.COORDINATOR, 60,
                80, "A walk on Tuesdays", Duration.ofDays(7), CLOCK).match();

        Match.Changed declined = proposed.decline(SAM, "I am in hospital this week", CLOCK);
        assertThat(declined.events()).singleElement()
                .isInstanceOfSatisfying(MatchDeclined.class, e -> assertThat(e.reason()).isNull());
        assertThat(declined.match().closedReason()).as("kept in the match, read on its page")
                .isEqualTo("I am in hospital this week");
        Match.Changed cancelled = proposed.cancel("coordinator-1", "Sam is unwell", CLOCK);
        assertThat(cancelled.events()).singleElement()
                .isInstanceOfSatisfying(MatchCancelled.class, e -> assertThat(e.reason()).isNull());
        assertThat(cancelled.match().closedReason()).isEqualTo("Sam is unwell");
    }
}
