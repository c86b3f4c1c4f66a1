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
 * @param read     the facts (of the prefix only) of each part whose version the reader did not hold,
 *                 all of them: they replace what the reader held of that part
 * @param changed  for a part the store can tell what changed since the version held (its own recent
 *                 writes), only the facts that changed: the reader's other facts of that part still hold
 */
public record Parts<F>(Map<String, Long> versions, Map<String, List<F>> read, Map<String, List<F>> changed) {

    public Parts {
        versions = Map.copyOf(versions);
        read = Map.copyOf(read);
        changed = Map.copyOf(changed);
    }

    public Parts(Map<String, Long> versions, Map<String, List<F>> read) {
        this(versions, read, Map.of());
    }
}
