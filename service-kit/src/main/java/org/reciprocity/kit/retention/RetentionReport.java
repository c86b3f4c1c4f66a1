package org.reciprocity.kit.retention;

import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * What one run of a service's retention job removed: for each rule ({@code what}), how many documents
 * went (or lost their free text). Counts and names only, never what was removed.
 *
 * @param finishedAt null while the run goes on (or if the instance running it stopped)
 */
public record RetentionReport(String service, Instant startedAt, Instant finishedAt, Map<String, Long> removed) {

    public RetentionReport {
        removed = removed == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(removed));
    }

    static RetentionReport of(Document d) {
        Map<String, Long> removed = new LinkedHashMap<>();
        for (Document line : d.getList("removed", Document.class, List.of())) {
            removed.put(line.getString("what"), ((Number) line.get("removed")).longValue());
        }
        Date finished = d.getDate("finishedAt");
        return new RetentionReport(d.getString("service"), d.getDate("startedAt").toInstant(),
                finished == null ? null : finished.toInstant(), removed);
    }
}
