package org.reciprocity.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerHeaderTest {

    @Property(tries = 3_000)
    void every_authorization_header_is_answered_exactly_as_spring_security_answers_it(
            @ForAll @StringLength(max = 16) @Chars({'B', 'b', 'e', 'a', 'r', 'E', 'R', ' ', '=', '-', '.', '_', '~', '+',
                    '/', '%', '\t', 'z', 'Z', '0', '9', '!'}) @CharRange(from = 'a', to = 'c') String tail,
            @ForAll boolean withPrefix) {
        String header = (withPrefix ? "Bearer " : "") + tail;
        assertThat(outcome(new BearerHeader(), header)).isEqualTo(outcome(new DefaultBearerTokenResolver(), header));
    }

    @Test
    void a_jwt_is_read_and_a_malformed_bearer_header_is_refused_as_before() {
        assertThat(outcome(new BearerHeader(), "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln-_~+/==")).isEqualTo("eyJhbGciOiJSUzI1NiJ9.e30.c2ln-_~+/==");
        assertThat(outcome(new BearerHeader(), "bearer abc")).isEqualTo("abc");
        assertThat(outcome(new BearerHeader(), "Bearer a=b")).isEqualTo("error: Bearer token is malformed");
        assertThat(outcome(new BearerHeader(), "Basic dXNlcjpwYXNz")).isNull();
        assertThat(outcome(new BearerHeader(), null)).isNull();
    }

    private static String outcome(org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver,
                                  String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/timebanks/t/contributions");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        Throwable thrown = catchThrowable(() -> resolver.resolve(request));
        if (thrown instanceof OAuth2AuthenticationException e) {
            return "error: " + e.getError().getDescription();
        }
        return thrown != null ? "thrown: " + thrown : resolver.resolve(request);
    }
}
