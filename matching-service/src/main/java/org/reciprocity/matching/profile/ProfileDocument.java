package org.reciprocity.matching.profile;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.matching.vocabulary.Mode;
import org.reciprocity.matching.vocabulary.Slot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A profile as stored. Each source writes only its own fields (registration {@code $set}, transfers
 * {@code $inc}, the member's details {@code $set}), so events arriving in any order across topics
 * never overwrite each other. The ledger's details (kind, name, language) are written only by a newer
 * version of them ({@code detailsVersion}, see Profiles). Pause and resume events wait in the outbox.
 */
@Document(Profiles.COLLECTION)
record ProfileDocument(@Id String memberId, String timebankId, MemberKind kind, String displayName, String language,
                       Instant registeredAt, Boolean suspended, Boolean paused, Boolean verified, String verifiedBy,
                       Set<String> skills, Set<String> tags, Set<String> languages, Set<String> availability,
                       String district, Set<Mode> modes, Set<String> accessibilityNeeds,
                       Long givenMinutes, Long receivedMinutes, Set<ProfileField> sharedWithMembers,
                       Boolean accessibilityConsent, List<OutboxEntry> outbox) {

    Profile toProfile() {
        Set<Slot> slots = availability == null ? Set.of()
                : availability.stream().map(Slot::parse).collect(Collectors.toSet());
        return new Profile(memberId, timebankId, kind, displayName, language, registeredAt, Boolean.TRUE.equals(suspended),
                Boolean.TRUE.equals(paused), Boolean.TRUE.equals(verified), skills, tags, languages, slots, district,
                modes, accessibilityNeeds, givenMinutes == null ? 0 : givenMinutes,
                receivedMinutes == null ? 0 : receivedMinutes, sharedWithMembers, accessibilityConsent);
    }
}
