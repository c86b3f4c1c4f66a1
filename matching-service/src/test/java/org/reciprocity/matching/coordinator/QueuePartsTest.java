package org.reciprocity.matching.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.matching.profile.Profile;

/** Who the queue asks a coordinator to look at among the members, and how many in all. */
class QueuePartsTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void receivedMuchAndNeverGaveAndTheReverseMostFirstWithTheTrueCount() {
        List<Profile> members = List.of(member("ana", 0, 600), member("bo", 0, 300), member("cy", 60, 900),
                member("dee", 299, 0), member("eve", 480, 0), member("fay", 0, 120));

        QueueParts.Part<QueueParts.Member> received = QueueParts.receivedNeverGave(members, 300, 1);
        assertThat(received.count()).isEqualTo(2);
        assertThat(received.items()).extracting(QueueParts.Member::memberId).containsExactly("ana");

        assertThat(QueueParts.gaveNeverReceived(members, 300, 10).items()).extracting(QueueParts.Member::memberId)
                .as("299 minutes is not much yet").containsExactly("eve");
    }

    @Test
    void aNewcomerIsSomeoneRecentWhoAddedNothingToTheirProfile() {
        Profile fresh = member("new", 0, 0);
        Profile described = new Profile("told", "tb", MemberKind.NEIGHBOUR, "Told", "en", NOW.minus(Duration.ofDays(1)),
                false, false, false, Set.of(), Set.of(), Set.of(), Set.of(), "M14", Set.of(), Set.of(), 0, 0, Set.of());
        Profile old = new Profile("old", "tb", MemberKind.NEIGHBOUR, "Old", "en", NOW.minus(Duration.ofDays(40)),
                false, false, false, Set.of(), Set.of(), Set.of(), Set.of(), null, Set.of(), Set.of(), 0, 0, Set.of());

        QueueParts.Part<QueueParts.Member> newcomers = QueueParts.newWithoutProfile(List.of(fresh, described, old),
                Duration.ofDays(30), NOW, 10);

        assertThat(newcomers.items()).extracting(QueueParts.Member::memberId).containsExactly("new");
        assertThat(newcomers.items().get(0).name()).isEqualTo("New");
    }

    @Test
    void newestFirstIsChosenBeforeTheListIsCutSoTheNewestAreTheOnesShown() {
        Profile first = joined("first", 20);
        Profile middle = joined("middle", 10);
        Profile last = joined("last", 1);

        assertThat(QueueParts.newWithoutProfile(List.of(middle, last, first), Duration.ofDays(30), NOW, 1, false).items())
                .extracting(QueueParts.Member::memberId).containsExactly("first");
        QueueParts.Part<QueueParts.Member> newest = QueueParts.newWithoutProfile(List.of(middle, last, first),
                Duration.ofDays(30), NOW, 2, true);
        assertThat(newest.items()).extracting(QueueParts.Member::memberId).containsExactly("last", "middle");
        assertThat(newest.count()).isEqualTo(3);
    }

    private static Profile joined(String id, int daysAgo) {
        return new Profile(id, "tb", MemberKind.NEIGHBOUR, id, "en", NOW.minus(Duration.ofDays(daysAgo)), false, false,
                false, Set.of(), Set.of(), Set.of(), Set.of(), null, Set.of(), Set.of(), 0, 0, Set.of());
    }

    private static Profile member(String id, long given, long received) {
        return new Profile(id, "tb", MemberKind.NEIGHBOUR, Character.toUpperCase(id.charAt(0)) + id.substring(1), "en",
                NOW.minus(Duration.ofDays(2)), false, false, false, Set.of(), Set.of(), Set.of(), Set.of(), null, Set.of(),
                Set.of(), given, received, Set.of());
    }
}
