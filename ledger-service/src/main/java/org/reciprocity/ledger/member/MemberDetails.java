package org.reciprocity.ledger.member;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberDetailsRecorded.KindSince;

/**
 * The state record of a member's details for the compacted details topic. It goes into the member
 * document's outbox in the same write as the change it records, so the topic's newest record of a
 * member is always the details the ledger keeps, at the document's version.
 */
final class MemberDetails {

    private MemberDetails() {
    }

    /** The details of {@code member} (its ids taken as given: a checked edit carries a fresh id) at {@code version}. */
    static MemberDetailsRecorded recorded(String timebankId, String memberId, Member member, Set<String> roles,
                                          long version, List<KindSince> kinds, Instant at) {
        return new MemberDetailsRecorded(UUID.randomUUID(), at, timebankId, memberId, version, member.displayName(),
                member.email(), member.language(), List.copyOf(new TreeSet<>(roles)), kinds, false);
    }
}
