package org.reciprocity.portal.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoardFiltersTest {

    @Test
    void knownFiltersAreKept() {
        BoardFilters filters = BoardFilters.of(" walk ", "NEED", "befriending", "REMOTE", " m14 ", "EVENING");
        assertThat(filters).isEqualTo(new BoardFilters("walk", "NEED", "befriending", "REMOTE", "M14", "EVENING"));
        assertThat(filters.any()).isTrue();
    }

    @Test
    void aValueTheBoardDoesNotKnowIsDroppedSoTheBoardShowsMoreNotAnError() {
        BoardFilters filters = BoardFilters.of("", "BOTH", "knitting", "TELEPATHY", "N1; drop", "NIGHT");
        assertThat(filters).isEqualTo(new BoardFilters("", "", "", "", "", ""));
        assertThat(filters.any()).isFalse();
        assertThat(BoardFilters.of(null, null, null, null, null, null).any()).isFalse();
    }

    @Test
    void longSearchWordsAreCut() {
        assertThat(BoardFilters.of("a".repeat(500), "", "", "", "", "").q()).hasSize(BoardFilters.LONGEST_QUESTION);
    }
}
