package org.reciprocity.matching.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.member.MemberKind;

class DirectoryControllerTest {

    static Profile member(String id, String name, boolean suspended) {
        return new Profile(id, "tb", MemberKind.NEIGHBOUR, name, "en", Instant.EPOCH, suspended, false, false,
                Set.of(), Set.of(), Set.of(), Set.of(), null, Set.of(), Set.of("wheelchair"), 0, 0, Set.of());
    }

    final Profiles profiles = mock(Profiles.class);
    final DirectoryController directory = new DirectoryController(profiles);

    {
        when(profiles.inTimebank("tb")).thenReturn(List.of(member("m1", "Zoé Martin", false),
                member("m2", "Ali Zoerb", false), member("m3", "Zoe Gone", true), member("m4", "Bea", false)));
    }

    @Test
    void findsMembersByPartOfTheirNameIgnoringCaseAndAccentsNamesFirst() {
        assertThat(directory.find("tb", "zoe")).extracting(DirectoryController.DirectoryEntry::memberId)
                .containsExactly("m1", "m2");
    }

    @Test
    void showsOnlyTheIdAndTheNameEveryMemberMaySee() {
        assertThat(DirectoryController.DirectoryEntry.class.getRecordComponents())
                .extracting(c -> c.getName()).containsExactly("memberId", "displayName");
    }

    @Test
    void leavesOutSuspendedMembersAndAnswersNothingToOneLetter() {
        assertThat(directory.find("tb", "gone")).isEmpty();
        assertThat(directory.find("tb", "z")).isEmpty();
    }
}
