package org.reciprocity.contracts;

import static org.reciprocity.contracts.Topics.LEDGER;

import java.util.List;

import org.reciprocity.contracts.consent.ConsentGiven;
import org.reciprocity.contracts.consent.ConsentWithdrawn;
import org.reciprocity.contracts.erasure.ErasureConfirmed;
import org.reciprocity.contracts.erasure.ErasureRequested;
import org.reciprocity.contracts.member.MemberDetailsRecorded;

/**
 * The personal-data topics (issue 18, docs/personal-data.md sections 2 and 3): a member's consents and
 * erasure requests, the compacted details topic, and the services' erasure confirmations. Owned by the ledger, keyed by member so one member's
 * changes stay in order, kept for ever: ids and outcomes only, never a name or free text.
 */
public final class PersonalDataContracts {

    public static final Topic PERSONAL_DATA = new Topic(Topics.PERSONAL_DATA_TOPIC, "memberId", 6, null, LEDGER,
            "A member's consents given and withdrawn (ids and facts only), in order per member. Kept for ever:"
                    + " each service rebuilds what a member allowed from the start.");

    /**
     * The one place names, e-mails, languages, roles and kinds travel: compacted, so an erased
     * member's older records are removed by the log cleaner once the record saying "erased" follows them.
     */
    public static final Topic MEMBER_DETAILS = new Topic(Topics.MEMBER_DETAILS_TOPIC, "memberId", 6, null, LEDGER,
            "Each member's personal details as they now are (name, e-mail, language, roles, kind over time):"
                    + " a state record per member, compacted, so only the newest is kept. An erasure replaces them"
                    + " with a record holding ids only, and the older ones are removed within the compaction lag.",
            true);

    /** Every service that holds personal data publishes here; kept for ever: ids and service names only. */
    public static final Topic ERASURE_CONFIRMATIONS = new Topic(Topics.ERASURE_CONFIRMATIONS_TOPIC, "memberId", 6, null,
            String.join(", ", Topics.HOLDERS_OF_PERSONAL_DATA),
            "Each service's confirmation that it forgot an erased member: which collections it changed. The ledger"
                    + " collects them for the admin.");

    static final List<Topic> TOPICS = List.of(PERSONAL_DATA, MEMBER_DETAILS, ERASURE_CONFIRMATIONS);

    static final List<EventType> TYPES = List.of(
            new EventType("reciprocity.ConsentGiven.v1", ConsentGiven.class, PERSONAL_DATA),
            new EventType("reciprocity.ConsentWithdrawn.v1", ConsentWithdrawn.class, PERSONAL_DATA),
            new EventType("reciprocity.ErasureRequested.v1", ErasureRequested.class, PERSONAL_DATA),
            new EventType("reciprocity.MemberDetailsRecorded.v1", MemberDetailsRecorded.class, MEMBER_DETAILS),
            new EventType("reciprocity.ErasureConfirmed.v1", ErasureConfirmed.class, ERASURE_CONFIRMATIONS));

    private PersonalDataContracts() {
    }
}
