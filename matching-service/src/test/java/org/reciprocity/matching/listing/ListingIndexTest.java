package org.reciprocity.matching.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The board's search: words and facets, the part of the day among them. */
class ListingIndexTest {

    private final ListingIndex index = new ListingIndex();

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void thePartOfTheDayFiltersLikeTheOtherFacetsAndIsCounted() {
        index.put(listing("walk", "Walks in the park", "IN_PERSON", "M14"), true, Set.of("AFTERNOON", "EVENING"));
        index.put(listing("chat", "A chat on the phone", "REMOTE", null), true, Set.of("MORNING"));
        index.put(listing("cook", "Cooking together", "IN_PERSON", "M14"), true, Set.of());

        assertThat(search(null, "AFTERNOON").ids()).containsExactly("walk");
        assertThat(search(null, "MORNING").ids()).containsExactly("chat");
        assertThat(search("IN_PERSON", "EVENING").ids()).containsExactly("walk");
        assertThat(search("REMOTE", "EVENING").ids()).isEmpty();
        ListingIndex.Hits any = search(null, null);
        assertThat(any.ids()).containsExactlyInAnyOrder("walk", "chat", "cook");
        assertThat(any.facets().get("time")).containsEntry("AFTERNOON", 1).containsEntry("EVENING", 1)
                .containsEntry("MORNING", 1);
    }

    @Test
    void anOwnerWhoSharesNoAvailabilityIsFoundWithoutAPartOfTheDayButNotWithOne() {
        index.put(listing("walk", "Walks in the park", "IN_PERSON", "M14"), true, Set.of());

        assertThat(search(null, null).ids()).containsExactly("walk");
        assertThat(search(null, "MORNING").ids()).isEmpty();
    }

    @Test
    void aListingPutAgainWithOtherTimesIsFoundByTheNewOnesOnly() {
        Listing walk = listing("walk", "Walks in the park", "IN_PERSON", "M14");
        index.put(walk, true, Set.of("MORNING"));
        index.put(walk, true, Set.of("EVENING"));

        assertThat(search(null, "MORNING").ids()).isEmpty();
        assertThat(search(null, "EVENING").ids()).containsExactly("walk");
    }

    @Test
    void aRebuildKeepsEachOwnersPartsOfTheDay() {
        Listing walk = listing("walk", "Walks in the park", "IN_PERSON", "M14");
        Listing chat = listing("chat", "A chat on the phone", "REMOTE", null);
        index.rebuild(List.of(walk, chat), l -> l == walk ? Set.of("EVENING") : Set.of());

        assertThat(search(null, "EVENING").ids()).containsExactly("walk");
    }

    private ListingIndex.Hits search(String mode, String time) {
        return index.search("tb", null, new ListingIndex.Filters(null, null, null, mode, null, time), 20);
    }

    private static Listing listing(String id, String title, String mode, String district) {
        Instant now = Instant.now();
        ListingContent content = ListingContent.of(title, "", "befriending", List.of(), 60L, mode, district, null,
                List.of(), now.plusSeconds(86_400), false);
        return new Listing(id, "tb", "owner-" + id, Listing.Kind.OFFER, content, Listing.Status.OPEN, now, now, 0);
    }
}
