package org.reciprocity.identity.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LocalOnlyTest {

    @Test
    void onlyALoopbackCallerWithTheLocalSwitchOnIsAllowed() {
        assertThat(new LocalOnly(true).allows(from("127.0.0.1"))).isTrue();
        assertThat(new LocalOnly(true).allows(from("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(new LocalOnly(true).allows(from("192.168.1.20"))).isFalse();
        assertThat(new LocalOnly(true).allows(from("10.0.0.1"))).isFalse();
        assertThat(new LocalOnly(false).allows(from("127.0.0.1"))).isFalse();
    }

    @Test
    void aNameIsNeverLookedUp() {
        assertThat(LocalOnly.isLoopback("localhost")).isFalse();
        assertThat(LocalOnly.isLoopback("")).isFalse();
        assertThat(LocalOnly.isLoopback(null)).isFalse();
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        return request;
    }
}
