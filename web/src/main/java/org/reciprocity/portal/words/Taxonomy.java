package org.reciprocity.portal.words;

import java.util.List;

/**
 * The timebank's categories of help, as matching-service knows them (its {@code Taxonomy.CATEGORIES}):
 * what a member offers on their profile and what a listing is about. One list for every page, worded
 * by {@code category.<code>} in the bundles, so a category reads the same on the board and the profile.
 */
public final class Taxonomy {

    public static final List<String> CATEGORIES = List.of(
            "befriending", "peer-support", "listening", "practical-help", "shopping", "cooking", "gardening",
            "diy", "transport", "it-help", "admin-forms", "language-practice", "arts-crafts", "music", "exercise",
            "childcare", "pet-care", "training", "co-design", "translation", "reading", "advocacy",
            "social-activity", "wellbeing");

    private Taxonomy() {
    }
}
