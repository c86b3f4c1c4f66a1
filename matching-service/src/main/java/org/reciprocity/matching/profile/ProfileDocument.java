package org.reciprocity.matching.profile;

import java.time.Instant;

import org.reciprocity.contracts.member.MemberKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("profiles")
record ProfileDocument(@Id String memberId, String timebankId, MemberKind kind, String displayName, String language,
                       Instant registeredAt) {

    static ProfileDocument of(Profile p) {
        return new ProfileDocument(p.memberId(), p.timebankId(), p.kind(), p.displayName(), p.language(), p.registeredAt());
    }

    Profile toProfile() {
        return new Profile(memberId, timebankId, kind, displayName, language, registeredAt);
    }
}
