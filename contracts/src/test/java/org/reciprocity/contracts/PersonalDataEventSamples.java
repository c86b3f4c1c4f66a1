package org.reciprocity.contracts;

import static org.reciprocity.contracts.EventSamples.ALI;
import static org.reciprocity.contracts.EventSamples.AT;
import static org.reciprocity.contracts.EventSamples.TB;
import static org.reciprocity.contracts.EventSamples.id;

import java.util.List;

import org.reciprocity.contracts.consent.Consent;
import org.reciprocity.contracts.consent.ConsentGiven;
import org.reciprocity.contracts.consent.ConsentHow;
import org.reciprocity.contracts.consent.ConsentWithdrawn;

/** Samples of the personal-data topic's events (see {@link EventSamples}). */
final class PersonalDataEventSamples {

    private PersonalDataEventSamples() {
    }

    static List<DomainEvent> all() {
        return List.of(
                new ConsentGiven(id(401), AT, TB, ALI, Consent.SUPPORTER_MAY_LOG, ConsentHow.PAGE, ALI, 1),
                new ConsentWithdrawn(id(402), AT, TB, ALI, Consent.SHOW_ACCESSIBILITY_TO_MATCHES, ConsentHow.PAPER,
                        "coordinator-1", 2));
    }
}
