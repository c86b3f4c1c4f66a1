package org.reciprocity.review.figures;

/** What the review's rows can be sorted by; ties are broken by member id, so pages never overlap. */
public enum ReviewSort {
    NAME, KIND, GIVEN, RECEIVED, BALANCE, RECIPROCITY, LAST_ACTIVITY, WAITING
}
