package org.reciprocity.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private final PasswordRules rules = PasswordRules.shipped();

    @Test
    void aLongPasswordWithoutDigitsOrSymbolsIsFine() {
        assertThat(rules.check("correct horse battery staple", "ali@example.org")).isEmpty();
        assertThat(rules.check("abcdefgz", null)).isEmpty();
    }

    @Test
    void fewerThanEightCharactersIsTooShortCountingLettersNotBytes() {
        assertThat(rules.check("seven77", null)).contains(PasswordRules.Refused.TOO_SHORT);
        assertThat(rules.check("", null)).contains(PasswordRules.Refused.TOO_SHORT);
        assertThat(rules.check(null, null)).contains(PasswordRules.Refused.TOO_SHORT);
        // four emoji are eight UTF-16 units but four characters
        assertThat(rules.check("😀😀😀😀", null)).contains(PasswordRules.Refused.TOO_SHORT);
    }

    @Test
    void moreThan128CharactersIsTooLong() {
        assertThat(rules.check("a".repeat(128) .replace("aaaa", "abcd"), null)).isEmpty();
        assertThat(rules.check("x".repeat(129), null)).contains(PasswordRules.Refused.TOO_LONG);
    }

    @Test
    void aCommonPasswordIsRefusedWhateverItsCase() {
        assertThat(rules.check("password1", null)).contains(PasswordRules.Refused.TOO_COMMON);
        assertThat(rules.check("SunShine", null)).contains(PasswordRules.Refused.TOO_COMMON);
        assertThat(rules.check("azertyuiop", null)).contains(PasswordRules.Refused.TOO_COMMON);
        assertThat(rules.size()).isGreaterThan(250);
    }

    @Test
    void thePersonsOwnEmailIsRefused() {
        assertThat(rules.check("Ali@Example.org", "ali@example.org")).contains(PasswordRules.Refused.SAME_AS_EMAIL);
    }

    @Test
    void codesAreStable() {
        assertThat(PasswordRules.Refused.TOO_COMMON.code()).isEqualTo("password-too-common");
        assertThat(new PasswordRules(Set.of()).check("password", null)).isEmpty();
    }
}
