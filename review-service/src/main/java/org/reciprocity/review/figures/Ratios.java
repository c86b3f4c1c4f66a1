package org.reciprocity.review.figures;

/** Whole percentages from whole minutes, rounded half up, without floating point. */
final class Ratios {

    private Ratios() {
    }

    static Integer percent(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return (int) ((part * 200 + whole) / (whole * 2));
    }
}
