package org.reciprocity.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.kafka.EventJson;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberDetailsRecorded.KindSince;
import org.reciprocity.contracts.member.MemberKind;

class MemberDetailsRecordedTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void anErasedMembersRecordHoldsIdsOnly() {
        MemberDetailsRecorded erased = MemberDetailsRecorded.ofErased(UUID.randomUUID(), AT, "tb-1", "m-1", 7);

        String json = EventJson.mapper().writeValueAsString(erased);

        assertThat(erased.erased()).isTrue();
        assertThat(erased.kind()).isNull();
        assertThat(json).contains("\"memberId\":\"m-1\"").doesNotContain("\"kind\"");
        assertThat(EventJson.mapper().readValue(json, MemberDetailsRecorded.class)).isEqualTo(erased);
    }

    @Test
    void anErasedRecordCannotCarryAName() {
        assertThatThrownBy(() -> new MemberDetailsRecorded(UUID.randomUUID(), AT, "tb-1", "m-1", 7, "Ali", null, null,
                List.of(), List.of(), true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLivingMembersRecordSaysTheirKindNow() {
        MemberDetailsRecorded living = new MemberDetailsRecorded(UUID.randomUUID(), AT, "tb-1", "m-1", 2, "Ali", null,
                "en", List.of("MEMBER"), List.of(new KindSince(MemberKind.NEIGHBOUR, AT.minusSeconds(60)),
                        new KindSince(MemberKind.CARER, AT)), false);

        assertThat(living.kind()).isEqualTo(MemberKind.CARER);
    }

    @Test
    void theDetailsTopicIsCompactedAndKeyedByMember() {
        assertThat(PersonalDataContracts.MEMBER_DETAILS.compacted()).isTrue();
        assertThat(PersonalDataContracts.MEMBER_DETAILS.keyedBy()).isEqualTo("memberId");
        assertThat(PersonalDataContracts.MEMBER_DETAILS.retention()).isNull(); // compact only: the newest kept for ever
        // the invitations topic too (compact,delete): an erased member's invitation is replaced by its withdrawal
        assertThat(Topics.all()).filteredOn(Topic::compacted)
                .containsExactlyInAnyOrder(PersonalDataContracts.MEMBER_DETAILS, IdentityContracts.INVITATIONS);
        assertThat(IdentityContracts.INVITATIONS.keyedBy()).isEqualTo("memberId");
        assertThat(IdentityContracts.INVITATIONS.retention()).isEqualTo(java.time.Duration.ofDays(7));
    }
}
