package org.reciprocity.portal.board;

import java.util.List;

/**
 * The words the board is made of, as matching-service knows them (its {@code Taxonomy}, {@code Mode},
 * {@code Slot.Part}, recurrences); the pages show each in plain words from the bundles
 * ({@code category.gardening}), never the code.
 */
final class Vocabulary {

    static final List<String> KINDS = List.of("OFFER", "NEED");
    static final List<String> MODES = List.of("IN_PERSON", "REMOTE", "GROUP");
    static final List<String> TIMES = List.of("MORNING", "AFTERNOON", "EVENING");
    static final List<String> RECURRENCES = List.of("WEEKLY", "FORTNIGHTLY", "MONTHLY");
    static final List<String> CATEGORIES = org.reciprocity.portal.words.Taxonomy.CATEGORIES;
    /** Access needs a listing can meet (an offer) or has (a need); matching keeps them as free tags. */
    static final List<String> ACCESS = List.of("step-free", "quiet-place", "bsl", "hearing-loop", "large-print",
            "easy-read");

    private Vocabulary() {
    }
}
