package org.reciprocity.ledger.timebank;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.reciprocity.kit.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A timebank as stored, with the events of its last change waiting in its outbox. */
@Document("timebanks")
record TimebankDocument(@Id String id, String name, String zone, Instant openedAt, String openedBy,
                        List<OutboxEntry> outbox) {

    static TimebankDocument of(Timebank.Opened opened) {
        Timebank t = opened.timebank();
        List<OutboxEntry> outbox = new ArrayList<>();
        outbox.add(OutboxEntry.of(opened.event()));
        return new TimebankDocument(t.id(), t.name(), t.zone().getId(), t.openedAt(), t.openedBy(), outbox);
    }

    Timebank toTimebank() {
        return new Timebank(id, name, ZoneId.of(zone), openedAt, openedBy);
    }
}
