package org.reciprocity.notification;

import java.util.List;
import java.util.UUID;

import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;

/**
 * A member as the ledger publishes them since issue 18: the registration with ids and roles only on the
 * members topic, and the details (name, e-mail, language, roles, kind) on the member-details topic.
 * Tests write a member as one {@link MemberRegistered} with everything, and send these two.
 */
final class Members {

    private Members() {
    }

    /** The registration as now published: no kind, name, e-mail or language (same event id). */
    static MemberRegistered stripped(MemberRegistered m) {
        return new MemberRegistered(m.eventId(), m.occurredAt(), m.timebankId(), m.memberId(), null, null, null, null,
                m.roles(), m.registeredBy());
    }

    /** The member's details at {@code version}. */
    static MemberDetailsRecorded details(MemberRegistered m, long version) {
        return new MemberDetailsRecorded(UUID.randomUUID(), m.occurredAt(), m.timebankId(), m.memberId(), version,
                m.displayName(), m.email(), m.language(), m.roles(),
                List.of(new MemberDetailsRecorded.KindSince(m.kind() == null ? MemberKind.NEIGHBOUR : m.kind(),
                        m.occurredAt())), false);
    }

    static MemberDetailsRecorded details(MemberRegistered m) {
        return details(m, 1);
    }
}
