package org.reciprocity.ledger.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.reciprocity.ledger.member.MemberStatus;

/**
 * Issue 18's rule for members who left: for any status, suspension date, policy and {@code now}, a
 * member is erased iff they are SUSPENDED and were suspended strictly longer ago than the timebank's
 * {@code leftMembersDays}; exactly that long ago stays; an ACTIVE (or already erased) member never is;
 * a suspension without a date never is.
 */
class LeftMemberRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-02T03:17:00Z");

    @Property(tries = 500)
    void erasedIffSuspendedStrictlyLongerAgoThanThePeriod(@ForAll MemberStatus status,
                                                          @ForAll @IntRange(min = 1, max = 3650) int days,
                                                          @ForAll @LongRange(min = -10, max = 4000L * 24 * 60) long ageMinutes) {
        Instant suspendedAt = NOW.minus(Duration.ofMinutes(ageMinutes));

        boolean due = LeftMemberRule.due(status, suspendedAt, policy(days), NOW);

        assertThat(due).as("%s, suspended %d min ago, period %d days", status, ageMinutes, days)
                .isEqualTo(status == MemberStatus.SUSPENDED && ageMinutes > days * 24L * 60);
    }

    @Property(tries = 200)
    void anActiveMemberIsNeverErasedHoweverLongAgoTheirStatusChanged(@ForAll @IntRange(min = 1, max = 3650) int days,
                                                                     @ForAll @LongRange(min = 0, max = 100_000) long ageDays) {
        assertThat(LeftMemberRule.due(MemberStatus.ACTIVE, NOW.minus(Duration.ofDays(ageDays)), policy(days), NOW))
                .isFalse();
    }

    @Example
    void exactlyThePeriodOldStaysAndOneMillisecondMoreGoes() {
        RetentionPolicy twoYears = RetentionPolicy.DEFAULTS;
        Instant exactly = NOW.minus(Duration.ofDays(730));

        assertThat(LeftMemberRule.due(MemberStatus.SUSPENDED, exactly, twoYears, NOW)).isFalse();
        assertThat(LeftMemberRule.due(MemberStatus.SUSPENDED, exactly.minusMillis(1), twoYears, NOW)).isTrue();
        assertThat(LeftMemberRule.due(MemberStatus.ACTIVE, exactly.minusMillis(1), twoYears, NOW)).isFalse();
        assertThat(LeftMemberRule.due(MemberStatus.ERASED, exactly.minusMillis(1), twoYears, NOW)).isFalse();
    }

    @Example
    void aSuspensionWithoutADateIsNeverDue() {
        assertThat(LeftMemberRule.due(MemberStatus.SUSPENDED, null, policy(1), NOW)).isFalse();
    }

    private static RetentionPolicy policy(int leftMembersDays) {
        return new RetentionPolicy(365, 365, 365, 90, leftMembersDays);
    }
}
