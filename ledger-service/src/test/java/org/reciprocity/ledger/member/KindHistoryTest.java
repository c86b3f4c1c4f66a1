package org.reciprocity.ledger.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.member.MemberDetailsRecorded.KindSince;
import org.reciprocity.contracts.member.MemberKind;

/** A member's kind over time, as the member document keeps it and the details topic carries it. */
class KindHistoryTest {

    private static final Instant JOINED = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static final Instant LATER = Instant.parse("2026-06-01T09:00:00Z");

    @Test
    void aMemberStoredBeforeTheHistoryWasKeptReadsAsTheirKindSinceTheyJoined() {
        assertThat(KindHistory.of(null, MemberKind.SERVICE_USER, JOINED))
                .containsExactly(new KindSince(MemberKind.SERVICE_USER, Instant.parse("2026-03-01T09:00:00.123Z")));
        assertThat(KindHistory.of(List.of(), MemberKind.CARER, null))
                .as("lacking even when they joined: since the earliest instant there is")
                .containsExactly(new KindSince(MemberKind.CARER, Instant.EPOCH));
    }

    @Test
    void aStoredHistoryIsReadAsItIs() {
        List<KindSince> stored = List.of(new KindSince(MemberKind.SERVICE_USER, JOINED), new KindSince(MemberKind.CARER, LATER));

        assertThat(KindHistory.of(stored, MemberKind.CARER, JOINED)).isEqualTo(stored);
    }

    @Test
    void aNewKindIsAddedLastAndTheSameKindAddsNothing() {
        List<KindSince> joined = KindHistory.of(null, MemberKind.SERVICE_USER, JOINED);

        List<KindSince> changed = KindHistory.after(joined, MemberKind.CARER, LATER);

        assertThat(changed).extracting(KindSince::kind).containsExactly(MemberKind.SERVICE_USER, MemberKind.CARER);
        assertThat(changed.get(1).since()).isEqualTo(LATER);
        assertThat(KindHistory.after(changed, MemberKind.CARER, LATER.plusSeconds(60))).isEqualTo(changed);
    }
}
