package org.reciprocity.kit.outbox;

import java.time.Instant;
import java.util.List;

import org.reciprocity.kit.access.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an administrator of a timebank sees of its events that could not be published. Registered
 * in every service with an outbox; each such service's access policy names who may read it, under
 * the rule {@value #RULE}. The payloads stay in the database: they may hold a member's words (a
 * suspension reason, a description), and the list is for finding what to fix, not for reading them.
 */
@RestController
public class ParkedEventsController {

    public static final String RULE = "PARKED_EVENTS_READ";
    static final int SHOWN = 100;

    private final ParkedEvents parked;

    public ParkedEventsController(ParkedEvents parked) {
        this.parked = parked;
    }

    @GetMapping("/api/v1/timebanks/{timebankId}/admin/parked-events")
    @Access(RULE)
    public ParkedEventsResponse list(@PathVariable String timebankId) {
        return new ParkedEventsResponse(parked.countOf(timebankId),
                parked.of(timebankId, SHOWN).stream().map(ParkedEventView::of).toList());
    }

    /** The timebank's parked events, oldest first: {@code count} of them, at most the first 100 listed. */
    public record ParkedEventsResponse(long count, List<ParkedEventView> parkedEvents) {
    }

    /** One parked event: what it is, where it came from, why it was refused. */
    public record ParkedEventView(String eventId, String type, String topic, String key, String collection,
                                  String documentId, long payloadBytes, boolean payloadKept, String error,
                                  Instant parkedAt) {

        static ParkedEventView of(ParkedEvent e) {
            return new ParkedEventView(e.eventId(), e.type(), e.topic(), e.key(), e.collection(), e.documentId(),
                    e.payloadBytes(), e.payloadStart() == null, e.error(), e.parkedAt());
        }
    }
}
