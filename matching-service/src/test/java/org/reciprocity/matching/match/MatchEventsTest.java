package org.reciprocity.matching.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.match.MatchAccepted;
import org.reciprocity.contracts.match.MatchAgreed;
import org.reciprocity.contracts.match.MatchProposed;

/**
 * The events of a match carry what the messages to each side need: the activity (the need's
 * title), who proposed, and whether a yes was the second one.
 */
class MatchEventsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    static final String SAM = "sam", ALI = "ali";

    @Test
    void aMemberWhoAnswersAnOfferSaysYesWithTheProposalAndEveryEventNamesTheActivity() {
        Match.Changed proposed = Match.propose("tb", ALI, SAM, "offer-1", "need-1", SAM, Match.Via.MEMBER, 60, 80,
                "A walk on Tuesdays", Duration.ofDays(7), CLOCK);

        assertThat(proposed.events()).hasSize(2);
        assertThat(proposed.events().get(0)).isInstanceOfSatisfying(MatchProposed.class,
                e -> assertThat(e.activity()).isEqualTo("A walk on Tuesdays"));
        assertThat(proposed.events().get(1)).isInstanceOfSatisfying(MatchAccepted.class, e -> {
            assertThat(e.acceptedBy()).isEqualTo(SAM);
            assertThat(e.proposedBy()).isEqualTo(SAM);
            assertThat(e.bothAccepted()).isFalse();
            assertThat(e.activity()).isEqualTo("A walk on Tuesdays");
        });

        Match.Changed agreed = proposed.match().accept(ALI, CLOCK);

        assertThat(agreed.events()).hasSize(2);
        assertThat(agreed.events().get(0)).isInstanceOfSatisfying(MatchAccepted.class, e -> {
            assertThat(e.acceptedBy()).isEqualTo(ALI);
            assertThat(e.bothAccepted()).isTrue();
        });
        assertThat(agreed.events().get(1)).isInstanceOfSatisfying(MatchAgreed.class,
                e -> assertThat(e.activity()).isEqualTo("A walk on Tuesdays"));
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
}
