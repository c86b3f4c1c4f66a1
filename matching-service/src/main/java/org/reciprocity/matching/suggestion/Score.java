package org.reciprocity.matching.suggestion;

import java.util.List;

/**
 * How well a giver fits a need, 0..100, with each part of the score and, when asked for, the
 * reasons ({@link Why}, worded for a reader). Parts: fit 30, availability 15, distance 15, language 10, mode 10, access 10,
 * reciprocity 10, minus a load penalty for givers who already have open matches.
 */
public record Score(int total, int fit, int availability, int distance, int language, int mode, int access,
                    int reciprocity, int load, List<Why> reasons) {
}
