package org.reciprocity.contracts;

import static org.reciprocity.contracts.Topics.LEDGER;

import java.util.List;

import org.reciprocity.contracts.consent.ConsentGiven;
import org.reciprocity.contracts.consent.ConsentWithdrawn;

/**
 * The personal-data topic (issue 18, docs/personal-data.md section 3): a member's consents and,
 * later, the erasure and export signals. Owned by the ledger, keyed by member so one member's
 * changes stay in order, kept for ever: ids and outcomes only, never a name or free text.
 */
public final class PersonalDataContracts {

    public static final Topic PERSONAL_DATA = new Topic(Topics.PERSONAL_DATA_TOPIC, "memberId", 6, null, LEDGER,
            "A member's consents given and withdrawn (ids and facts only), in order per member. Kept for ever:"
                    + " each service rebuilds what a member allowed from the start.");

    static final List<Topic> TOPICS = List.of(PERSONAL_DATA);

    static final List<EventType> TYPES = List.of(
            new EventType("reciprocity.ConsentGiven.v1", ConsentGiven.class, PERSONAL_DATA),
            new EventType("reciprocity.ConsentWithdrawn.v1", ConsentWithdrawn.class, PERSONAL_DATA));

    private PersonalDataContracts() {
    }
}
