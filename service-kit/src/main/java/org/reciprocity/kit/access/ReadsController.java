package org.reciprocity.kit.access;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who looked at a member's sensitive data in this service, newest first, for the member's "who
 * looked" page. A service with sensitive rules imports it and names who may read the list (the
 * member and admins) under the rule {@value #RULE}.
 */
@RestController
public class ReadsController {

    public static final String RULE = "LIST_READS";

    private final ReadLog log;

    public ReadsController(ReadLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/timebanks/{timebankId}/members/{memberId}/reads")
    @Access(RULE)
    public List<ReadView> reads(@PathVariable String timebankId, @PathVariable String memberId) {
        return log.of(timebankId, memberId).stream().map(ReadView::of).toList();
    }

    /** One look: who (id and role), what (the rule's name), why (the reason's code), when. */
    public record ReadView(String readerId, String readerRole, String what, String why, Instant at) {

        static ReadView of(SensitiveRead read) {
            return new ReadView(read.readerId(), read.readerRole().name(), read.what(), read.why().name(), read.at());
        }
    }
}
