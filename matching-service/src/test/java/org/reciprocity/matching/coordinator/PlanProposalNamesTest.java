package org.reciprocity.matching.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reciprocity.matching.suggestion.Why;

/**
 * Issue 18: a plan stores ids and reason codes only; names and titles are looked up when it is read,
 * so an erasure (which removes the proposals naming the member) leaves nothing of them in a plan, and a
 * member no longer known reads as "a former member".
 */
class PlanProposalNamesTest {

    final Why about = new Why("both-speak", "about", Map.of("giver", "Ali", "receiver", "Sam", "language", "ar"));
    final Plans.Proposal planned = new Plans.Proposal("need-1", "offer-1", "ali", "sam", 80, List.of(), List.of(about),
            "Walks by the canal", "Walks and a chat", "Sam", "Ali");

    @Test
    void aStoredProposalHoldsIdsAndCodesButNoNameOrTitle() {
        Plans.Proposal stored = planned.stored();

        assertThat(stored.needTitle()).isNull();
        assertThat(stored.offerTitle()).isNull();
        assertThat(stored.giverName()).isNull();
        assertThat(stored.receiverName()).isNull();
        assertThat(stored.why()).singleElement().satisfies(why -> {
            assertThat(why.code()).isEqualTo("both-speak");
            assertThat(why.params()).containsOnlyKeys("language");
        });
        assertThat(stored.toString()).doesNotContain("Ali", "Sam", "canal", "chat");
    }

    @Test
    void aProposalIsReadWithTheNamesAndTitlesOfNowAndAFormerMemberHasNoName() {
        Plans.Shown shown = new Plans.Shown() {
            @Override
            public String name(String memberId) {
                return "ali".equals(memberId) ? "Ali Now" : null; // Sam was erased
            }

            @Override
            public String title(String listingId) {
                return "need-1".equals(listingId) ? "Walks on Tuesdays" : null;
            }
        };

        Plans.Proposal read = planned.stored().worded(Locale.ENGLISH, shown);

        assertThat(read.giverName()).isEqualTo("Ali Now");
        assertThat(read.receiverName()).isNull();
        assertThat(read.needTitle()).isEqualTo("Walks on Tuesdays");
        assertThat(read.offerTitle()).isNull();
        assertThat(read.reasons()).containsExactly("Ali Now and a former member both speak Arabic.");
        assertThat(planned.stored().worded(Locale.FRENCH, shown).reasons().get(0)).contains("un ancien membre");
    }
}
