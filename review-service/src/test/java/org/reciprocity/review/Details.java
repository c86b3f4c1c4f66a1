package org.reciprocity.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberKind;

/** The details records the ledger publishes with a member's name and kind history (the tests' shorthand). */
public final class Details {

    private Details() {
    }

    /** A member's first record: their name and kind since {@code at}. */
    public static MemberDetailsRecorded recorded(String timebankId, String memberId, String name, MemberKind kind,
                                                 Instant at) {
        return new MemberDetailsRecorded(UUID.randomUUID(), at, timebankId, memberId, 0, name, null, "en",
                List.of("MEMBER"), List.of(new MemberDetailsRecorded.KindSince(kind, at)), false);
    }

    /** A later record: {@code before}'s history and the new kind since {@code at}. */
    public static MemberDetailsRecorded changed(MemberDetailsRecorded before, MemberKind kind, Instant at) {
        List<MemberDetailsRecorded.KindSince> kinds = new ArrayList<>(before.kinds());
        kinds.add(new MemberDetailsRecorded.KindSince(kind, at));
        return new MemberDetailsRecorded(UUID.randomUUID(), at, before.timebankId(), before.memberId(),
                before.version() + 1, before.displayName(), null, "en", before.roles(), kinds, false);
    }
}
