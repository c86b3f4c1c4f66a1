package org.reciprocity.matching.profile;

import java.time.Instant;

import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;

/**
 * What matching knows of a member: built from the ledger's member events, later completed by the
 * member (skills, languages, availability, area).
 */
public record Profile(String memberId, String timebankId, MemberKind kind, String displayName, String language,
                      Instant registeredAt) {

    static Profile from(MemberRegistered event) {
        return new Profile(event.memberId(), event.timebankId(), event.kind(), event.displayName(), event.language(),
                event.occurredAt());
    }
}
