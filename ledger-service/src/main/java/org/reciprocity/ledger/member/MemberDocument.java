package org.reciprocity.ledger.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.reciprocity.contracts.member.MemberDetailsRecorded.KindSince;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member as stored, with the events of its last change waiting in its outbox. {@code version}
 * counts the changes of the member's details (0 when registered, absent on members registered
 * before it was kept, which reads as 0): each change's MemberDetailsChanged carries the version
 * it made, so read models keep the newest whatever order they hear of them. {@code kinds} is the
 * member's kind over time, oldest first (absent on members registered before it was kept: see
 * {@link KindHistory#of}); every write of details puts the MemberDetailsRecorded of the new version in
 * the same outbox (issue 18: names, e-mails and kinds travel only on the compacted details topic).
 */
@Document("members")
record MemberDocument(@Id String id, String timebankId, MemberKind kind, String displayName, String email,
                      String language, Set<String> roles, MemberStatus status, Instant registeredAt,
                      Long version, List<OutboxEntry> outbox, List<KindSince> kinds) {

    /** The version a registration is: the first, which every change of details comes after. */
    static final long REGISTERED = 0;

    static MemberDocument of(Member.Registered registered) {
        Member m = registered.member();
        List<KindSince> kinds = KindHistory.of(null, m.kind(), m.registeredAt());
        List<OutboxEntry> outbox = new ArrayList<>();
        outbox.add(OutboxEntry.of(registered.event()));
        outbox.add(OutboxEntry.of(MemberDetails.recorded(m.timebankId(), m.id(), m, m.roles(), REGISTERED, kinds,
                m.registeredAt())));
        return new MemberDocument(m.id(), m.timebankId(), m.kind(), m.displayName(), m.email(), m.language(),
                m.roles(), m.status(), m.registeredAt(), REGISTERED, outbox, kinds);
    }

    Member toMember() {
        return new Member(id, timebankId, kind, displayName, email, language, roles == null ? Set.of("MEMBER") : roles,
                status, registeredAt);
    }
}
