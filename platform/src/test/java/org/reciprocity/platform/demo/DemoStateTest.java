package org.reciprocity.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the demo loader did survives the launcher: a later start reads it back and does it again nowhere. */
class DemoStateTest {

    @TempDir
    Path data;

    @Test
    void whatWasDoneIsReadBackByTheNextStart() {
        Path file = DemoTimebank.stateFile(data);
        DemoState first = new DemoState(file);
        first.put("member.sam", "m-123");
        first.markDone("profile.sam");

        DemoState next = new DemoState(file);

        assertThat(next.get("member.sam")).contains("m-123");
        assertThat(next.done("profile.sam")).isTrue();
        assertThat(next.done("profile.tom")).isFalse();
        assertThat(Files.exists(file.resolveSibling(file.getFileName() + ".next"))).as("no half-written file left").isFalse();
    }

    @Test
    void everyDemoMemberHasASignInAndThePasswordKeepsIdentitysRules() {
        assertThat(DemoTimebank.signIns()).hasSize(DemoScript.PEOPLE.size())
                .extracting(DemoTimebank.SignIn::email).doesNotHaveDuplicates().allMatch(e -> e.endsWith("@demo.example"));
        assertThat(DemoScript.PEOPLE).extracting(DemoScript.Person::kind)
                .contains("SERVICE_USER", "STAFF", "CARER", "NEIGHBOUR");
        assertThat(DemoScript.PEOPLE).anyMatch(p -> p.roles().contains("COORDINATOR"));
        // identity-service's rules: 8 characters or more, and not an e-mail
        assertThat(DemoTimebank.PASSWORD.length()).isGreaterThanOrEqualTo(8);
        assertThat(DemoTimebank.PASSWORD).doesNotContain("@");
    }

    @Test
    void everyContributionNamesDemoMembersAndStaysInsideAMonth() {
        var keys = DemoScript.PEOPLE.stream().map(DemoScript.Person::key).toList();
        assertThat(DemoScript.CONTRIBUTIONS).allSatisfy(c -> {
            assertThat(keys).contains(c.giver(), c.receiver());
            assertThat(c.giver()).isNotEqualTo(c.receiver());
            assertThat(c.daysAgo()).isBetween(0, 30);
        });
        assertThat(DemoScript.CONTRIBUTIONS).extracting(DemoScript.Contribution::outcome)
                .contains(DemoScript.Outcome.CONFIRMED, DemoScript.Outcome.WAITING, DemoScript.Outcome.DISPUTED);
        assertThat(DemoScript.LISTINGS).allSatisfy(l -> assertThat(keys).contains(l.owner()));
    }
}
