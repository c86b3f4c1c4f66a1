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
import org.reciprocity.contracts.erasure.ErasureConfirmed;
import org.reciprocity.contracts.erasure.ErasureRequested;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberDetailsRecorded.KindSince;
import org.reciprocity.contracts.member.MemberErased;
import org.reciprocity.contracts.member.MemberKind;

/** Samples of the personal-data topic's events (see {@link EventSamples}). */
final class PersonalDataEventSamples {

    private PersonalDataEventSamples() {
    }

    static List<DomainEvent> all() {
        return List.of(
                new ConsentGiven(id(401), AT, TB, ALI, Consent.SUPPORTER_MAY_LOG, ConsentHow.PAGE, ALI, 1),
                new ConsentWithdrawn(id(402), AT, TB, ALI, Consent.SHOW_ACCESSIBILITY_TO_MATCHES, ConsentHow.PAPER,
                        "coordinator-1", 2),
                new ErasureRequested(id(403), AT, TB, ALI, ALI),
                new MemberDetailsRecorded(id(404), AT, TB, ALI, 3, "Ali", "ali@example.org", "en",
                        List.of("MEMBER"), List.of(new KindSince(MemberKind.NEIGHBOUR, AT.minusSeconds(86_400)),
                                new KindSince(MemberKind.SERVICE_USER, AT)), false),
                new MemberErased(id(406), AT, TB, ALI, "admin-1"),
                new ErasureConfirmed(id(407), AT, TB, ALI, Topics.MATCHING, List.of("profiles", "listings")));
    }
}
