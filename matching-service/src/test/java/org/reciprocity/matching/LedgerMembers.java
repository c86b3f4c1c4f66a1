package org.reciprocity.matching;

import java.util.List;
import java.util.UUID;

import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.TopicProbe;

/**
 * Members as the ledger makes them since issue 18: a {@code MemberRegistered} with ids only on the
 * members topic, and the name, kind and language on the details topic. Tests written with a
 * registration that names the member send it here, and it goes out as the ledger sends it now.
 */
public final class LedgerMembers {

    private LedgerMembers() {
    }

    /** The registration (ids only) and the member's details (version 1), each on its own topic. */
    public static void send(String bootstrap, MemberRegistered named) {
        TopicProbe.send(bootstrap, new MemberRegistered(named.eventId(), named.occurredAt(), named.timebankId(),
                named.memberId(), null, null, null, null, named.roles(), named.registeredBy()));
        TopicProbe.send(bootstrap, details(named, 1));
    }

    /** The details record a named registration stands for, at {@code version}. */
    public static MemberDetailsRecorded details(MemberRegistered named, long version) {
        return new MemberDetailsRecorded(UUID.randomUUID(), named.occurredAt(), named.timebankId(), named.memberId(),
                version, named.displayName(), named.email(), named.language(), named.roles(),
                List.of(new MemberDetailsRecorded.KindSince(named.kind(), named.occurredAt())), false);
    }
}
