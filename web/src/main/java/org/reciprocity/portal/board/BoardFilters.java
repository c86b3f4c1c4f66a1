package org.reciprocity.portal.board;

import java.util.Locale;

/**
 * The board's search as the member asked it, each filter kept only when it is one the board knows:
 * a value typed into the address bar is dropped (the board then shows more, never an error page).
 */
public record BoardFilters(String q, String kind, String category, String mode, String district, String time) {

    static final int LONGEST_QUESTION = 200;

    static BoardFilters of(String q, String kind, String category, String mode, String district, String time) {
        String words = q == null ? "" : q.strip();
        String area = district == null ? "" : district.strip().toUpperCase(Locale.ROOT);
        return new BoardFilters(words.length() > LONGEST_QUESTION ? words.substring(0, LONGEST_QUESTION) : words,
                known(kind, Vocabulary.KINDS), known(category, Vocabulary.CATEGORIES), known(mode, Vocabulary.MODES),
                area.matches("[A-Z0-9]{2,4}") ? area : "", known(time, Vocabulary.TIMES));
    }

    /** Whether any filter or search words are set (the page then offers to clear them). */
    public boolean any() {
        return !(q.isEmpty() && kind.isEmpty() && category.isEmpty() && mode.isEmpty() && district.isEmpty()
                && time.isEmpty());
    }

    private static String known(String value, java.util.List<String> values) {
        return value != null && values.contains(value.strip()) ? value.strip() : "";
    }
}
