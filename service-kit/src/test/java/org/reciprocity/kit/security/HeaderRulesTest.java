package org.reciprocity.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderRulesTest {

    @Property(tries = 2_000)
    void header_names_are_judged_exactly_as_the_strict_firewall_judges_them(
            @ForAll @StringLength(max = 20) @Chars({'\t', '\n', '\r', '\u007f', '\u0085', '\uffff', '\ud800', '\udc00'})
            @CharRange(from = 0, to = 0x3ff) String name) {
        assertThat(HeaderRules.NAMES.test(name)).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(name));
    }

    @Property(tries = 2_000)
    void header_values_are_judged_exactly_as_the_strict_firewall_judges_them(
            @ForAll @StringLength(max = 20) @Chars({'\t', '\n', '\r', '\u007f', '\u0085', '\uffff', '\ud800', '\udc00'})
            @CharRange(from = 0, to = 0x3ff) String value) {
        assertThat(HeaderRules.VALUES.test(value)).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value));
    }

    @Test
    void a_bearer_token_passes_and_a_smuggled_line_break_does_not() {
        assertThat(HeaderRules.VALUES.test("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
        assertThat(HeaderRules.VALUES.test("a\tb")).isTrue();
        assertThat(HeaderRules.VALUES.test("a\r\nX-Injected: 1")).isFalse();
        assertThat(HeaderRules.NAMES.test("X-Na\u0000me")).isFalse();
        assertThat(HeaderRules.VALUES.test("caf\u00e9 \ud83d\ude00")).isTrue(); // a surrogate pair is one assigned character
        assertThat(HeaderRules.VALUES.test("\u0378")).isFalse(); // unassigned
    }
}
