package org.reciprocity.review.facts;

import java.util.List;
import java.util.Map;

/**
 * A prefix's facts as parts that change separately ({@link FactStore#parts}): every part's version now,
 * and the facts of the parts whose version the reader did not already hold. What lets a reader keep
 * what it computed from the parts that did not change (the review's rows after one new entry).
 *
 * @param versions every part of the prefix and its version now; a part holding merges not yet written
 *                 has a version no reader holds (negative, new at each read)
 * @param read     the facts (of the prefix only) of each part whose version the reader did not hold
 */
public record Parts<F>(Map<String, Long> versions, Map<String, List<F>> read) {

    public Parts {
        versions = Map.copyOf(versions);
        read = Map.copyOf(read);
    }
}
